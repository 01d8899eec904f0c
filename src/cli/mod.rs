//! Glue between the command line and the library: parse, dispatch, report errors with the
//! right exit code. Results go to stdout; progress, skipped files and errors to stderr.

mod args;
mod index_cmd;
mod output;
mod search_cmd;
mod show_cmd;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use args::{Cli, Command};

/// Exit code for success.
const EXIT_OK: u8 = 0;
/// Exit code for a failure of the run (I/O, index corruption, skipped files with --strict).
const EXIT_FAILURE: u8 = 1;
/// Exit code for a usage error or bad input (flags, query, missing index).
const EXIT_USAGE: u8 = 2;

/// Runs the binary.
pub fn main() -> ExitCode {
    // A bug must not print a backtrace over the user's terminal: one line, then the caller
    // (a per-file guard in the library, or this function's exit code) decides.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "newsindex: internal error: {}{place}; please report it",
            one_line(&message)
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return clap_exit(&err),
    };
    match std::panic::catch_unwind(|| run(&cli)) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(err)) => report(&err),
        // The panic hook has printed one line already.
        Err(_) => ExitCode::from(EXIT_FAILURE),
    }
}

fn run(cli: &Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match &cli.command {
        Command::Index(args) => index_cmd::run(cli, args, &mut out)?,
        Command::Search(args) => search_cmd::search(cli, args, &mut out)?,
        Command::Facets(args) => search_cmd::facets(cli, args, &mut out)?,
        Command::Show(args) => show_cmd::show(cli, args, &mut out)?,
        Command::Similar(args) => search_cmd::similar(cli, args, &mut out)?,
        Command::Stats(args) => show_cmd::stats(cli, args, &mut out)?,
        Command::Export(args) => show_cmd::export(cli, args, &mut out)?,
        Command::Schema(args::SchemaCommand::Check { dir }) => {
            show_cmd::schema_check(dir, &mut out)?
        }
    };
    out.flush()?;
    Ok(code)
}

/// Prints an error on one line and picks the exit code: 2 for what the user asked, 1 else.
/// A closed pipe (`newsindex search x | head`) ends quietly.
fn report(err: &anyhow::Error) -> ExitCode {
    let broken_pipe = err
        .downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe);
    if broken_pipe {
        return ExitCode::from(EXIT_OK);
    }
    let library = err.downcast_ref::<newsindex::Error>();
    let usage = library.is_some_and(newsindex::Error::is_usage);
    // Library errors already carry their cause in their message; others show the chain.
    let message = match library {
        Some(error) => error.to_string(),
        None => format!("{err:#}"),
    };
    eprintln!("newsindex: {}", one_line(&message));
    ExitCode::from(if usage { EXIT_USAGE } else { EXIT_FAILURE })
}

/// Help and version go to stdout with exit 0; other clap errors become one line, exit 2.
fn clap_exit(err: &clap::Error) -> ExitCode {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = err.print();
        let code = if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            EXIT_USAGE
        } else {
            EXIT_OK
        };
        return ExitCode::from(code);
    }
    let rendered = err.render().to_string();
    let first_block: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    let mut parts = vec![first_block.join(" ")];
    parts.extend(
        rendered
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("tip:"))
            .map(str::to_string),
    );
    let message = parts.join("; ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    eprintln!("newsindex: {message}; see `newsindex --help`");
    ExitCode::from(EXIT_USAGE)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
