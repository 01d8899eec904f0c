//! The `newsindex` binary: parses the command line, calls the library, prints the results.
//! Exit codes: 0 success, 1 runtime failure, 2 usage error or bad input.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
