//! The seed reports, shared by the test files.

#![allow(dead_code)] // each test file uses its own part of this module

use std::path::PathBuf;

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The seed report files, in id order.
pub fn seed_paths() -> Vec<PathBuf> {
    baogao::pipeline::report_files(&seeds_dir()).unwrap()
}

/// The seed report whose file name starts with `prefix` (`"001"`).
pub fn seed_path(prefix: &str) -> PathBuf {
    seed_paths()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}*"))
}
