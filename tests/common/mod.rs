//! The seed reports, shared by the bundle, golden and CLI tests.

#![allow(dead_code)] // each test file uses its own part of this module

use std::path::PathBuf;

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The seed report files, in id order.
pub fn seed_paths() -> Vec<PathBuf> {
    baogao::pipeline::report_files(&seeds_dir()).unwrap()
}
