//! A file that disappears between the walk and the read is reported once and skipped; the
//! rest of the archive is indexed. The build runs on a one-thread pool so the deletion
//! happens at a known point: after the first file is indexed, before the last is read (a
//! worker reads its files in groups, a quarter of the batch at most, so the archive holds
//! more than one group).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use newsindex::index::build::{BuildOptions, Progress, build_index};
use newsindex::read::Skip;

struct DeleteOnFirstFile {
    victim: PathBuf,
    skipped: Mutex<Vec<String>>,
}

impl Progress for DeleteOnFirstFile {
    fn indexed(&self, _path: &Path, _bytes: u64) {
        let _ = std::fs::remove_file(&self.victim);
    }

    fn skipped(&self, skip: &Skip) {
        self.skipped.lock().unwrap().push(skip.to_string());
    }
}

#[test]
fn a_file_deleted_mid_run_is_reported_and_the_rest_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    const FILES: u64 = 40;
    for n in 0..FILES {
        let text = format!("Story {n}\n\nMinisters met in Rabat for talks number {n}.\n");
        std::fs::write(archive.join(format!("f{n:02}.txt")), text).unwrap();
    }
    let progress = DeleteOnFirstFile {
        victim: archive.join(format!("f{:02}.txt", FILES - 1)),
        skipped: Mutex::new(Vec::new()),
    };
    let options = BuildOptions {
        index_dir: dir.path().join("idx"),
        extract_entities: false,
        ..BuildOptions::default()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let summary = pool
        .install(|| build_index(&[archive], &options, &progress))
        .unwrap();
    let skipped = progress.skipped.into_inner().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].contains("f39.txt"), "{skipped:?}");
    assert!(skipped[0].contains("unreadable"), "{skipped:?}");
    assert_eq!(summary.indexed, FILES - 1);
    assert_eq!(summary.skipped.get("unreadable"), Some(&1));
    assert_eq!(summary.docs_in_index, FILES - 1);
}
