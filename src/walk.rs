//! Enumerating archive files: which files under the given roots are articles to read.
//! Hidden files and folders (a leading `.`, such as the default `.newsindex` index) are
//! skipped; symlinks are followed and loops reported.

use std::path::{Path, PathBuf};

use crate::formats::Format;
use crate::read::{Skip, SkipReason};

/// One file to read, with its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveFile {
    /// Path as found under the root.
    pub path: PathBuf,
    /// Format chosen from the file name.
    pub format: Format,
    /// Size in bytes when the walk saw it.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch when the walk saw it (0 when the
    /// file system keeps none).
    pub mtime: u64,
    /// The outlet the archive's folders name, when they name one: the first folder below
    /// the root with a letter in its name (`archive/reuters/1987/03/x.txt` gives `reuters`;
    /// `archive/2023/06/x.txt` gives none). Used when the article itself names no outlet.
    pub folder: Option<String>,
}

/// Streams the article files under `roots`, in a stable (sorted) order. Walk problems such as
/// unreadable folders or symlink loops come out as [`Skip`]s.
pub fn archive_files(roots: &[PathBuf]) -> impl Iterator<Item = Result<ArchiveFile, Skip>> + '_ {
    roots.iter().flat_map(|root| walk_root(root))
}

fn walk_root(root: &Path) -> impl Iterator<Item = Result<ArchiveFile, Skip>> + '_ {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()))
        .filter_map(|entry| match entry {
            Ok(entry) if entry.file_type().is_file() => {
                Format::from_path(entry.path()).map(|format| {
                    let (size, mtime) = entry.metadata().map(|m| stamp(&m)).unwrap_or((0, 0));
                    let folder = folder_outlet(root, entry.path());
                    Ok(ArchiveFile {
                        path: entry.into_path(),
                        format,
                        size,
                        mtime,
                        folder,
                    })
                })
            }
            Ok(_) => None,
            Err(err) => Some(Err(walk_skip(err))),
        })
}

/// The first folder between `root` and the file `path` whose name holds a letter.
fn folder_outlet(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parent = relative.parent()?;
    parent
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .find(|name| name.chars().any(char::is_alphabetic))
        .map(str::to_string)
}

/// Size and modification time (nanoseconds since the epoch) of a file.
pub fn stamp(meta: &std::fs::Metadata) -> (u64, u64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    (meta.len(), mtime)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn walk_skip(err: walkdir::Error) -> Skip {
    let path = err.path().map(Path::to_path_buf).unwrap_or_default();
    let reason = if err.loop_ancestor().is_some() {
        SkipReason::Unreadable("symlink loop".into())
    } else {
        match err.io_error() {
            Some(io) => SkipReason::Unreadable(io.to_string()),
            None => SkipReason::Unreadable(err.to_string()),
        }
    };
    Skip { path, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_articles_and_skips_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2023/06")).unwrap();
        std::fs::create_dir_all(root.join(".newsindex")).unwrap();
        std::fs::write(root.join("2023/06/a.txt"), "x").unwrap();
        std::fs::write(root.join("2023/06/b.json"), "{}").unwrap();
        std::fs::write(root.join("2023/06/c.png"), "x").unwrap();
        std::fs::write(root.join(".newsindex/meta.json"), "{}").unwrap();
        let found: Vec<_> = archive_files(&[root.to_path_buf()])
            .map(|f| f.unwrap().path.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            found,
            [
                PathBuf::from("2023/06/a.txt"),
                PathBuf::from("2023/06/b.json")
            ]
        );
    }

    #[test]
    fn the_first_named_folder_is_the_outlet() {
        let root = Path::new("archive");
        let outlet = |p: &str| folder_outlet(root, Path::new(p));
        assert_eq!(
            outlet("archive/reuters/1987/03/x.txt"),
            Some("reuters".into())
        );
        assert_eq!(outlet("archive/2023/06/x.txt"), None);
        assert_eq!(outlet("archive/x.txt"), None);
        assert_eq!(
            outlet("archive/2023/Le Monde/x.txt"),
            Some("Le Monde".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        let skips: Vec<_> = archive_files(&[dir.path().to_path_buf()])
            .filter_map(Result::err)
            .collect();
        assert_eq!(skips.len(), 1);
        assert!(skips[0].reason.to_string().contains("symlink loop"));
    }
}
