//! Test harness: runs the real `newsindex` binary against a temporary index.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Output of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Parses stdout as one JSON value.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A temporary index folder and helpers to run the binary on it.
pub struct Harness {
    pub dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Self {
        Harness {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("idx")
    }

    /// Runs `newsindex ARGS... --index <temp>`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsindex"));
        command
            .args(args)
            .arg("--index")
            .arg(self.index_dir())
            .env_remove("NEWSINDEX_INDEX")
            .env("NO_COLOR", "1");
        run(command)
    }

    /// Indexes `archive` and asserts success.
    pub fn index(&self, archive: &Path) -> Run {
        let run = self.run(&["index", archive.to_str().expect("utf-8 path")]);
        assert_eq!(run.code, 0, "index failed: {}", run.stderr);
        run
    }
}

/// Runs a prepared command and captures its output.
pub fn run(mut command: Command) -> Run {
    let output = command.output().expect("run newsindex");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The folder of the project's own fixture archive.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

/// The bundled sample corpus.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus")
}

/// Asserts an error is reported on exactly one line of stderr.
pub fn assert_one_line_error(run: &Run, code: i32, needle: &str) {
    assert_eq!(run.code, code, "stderr: {}", run.stderr);
    assert_eq!(
        run.stderr.trim_end().lines().count(),
        1,
        "stderr: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(needle),
        "expected `{needle}` in: {}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("backtrace"),
        "{}",
        run.stderr
    );
}

/// Names in a JSON array of strings.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
