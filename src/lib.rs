//! baogao reads Chinese local-government work reports with numbers and words side
//! by side.
//!
//! One flow, in two places. Natively, at bundle-build time (`baogao bundle`), each
//! raw report is decoded ([`pipeline`]), repaired ([`clean`]: pinyin annotations,
//! GBK mojibake, full-width forms, script), split into metadata, sections and
//! sentences ([`structure`]), read for figures ([`facts`]) and segmented into
//! tokens ([`terms`]); the resulting [`model::Corpus`] is written as one static
//! file ([`bundle`]). In the browser the app (`app`, wasm32 only) fetches that
//! file, and every filter ([`query`]), keyword statistic ([`terms`]) and CSV
//! ([`export`]) is computed there from the same code the CLI uses.

pub mod bundle;
pub mod export;
pub mod facts;
pub mod model;
pub mod order;
pub mod query;
pub mod state;
pub mod table;
pub mod terms;

#[cfg(not(target_arch = "wasm32"))]
pub mod clean;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod cores;
#[cfg(not(target_arch = "wasm32"))]
pub mod docx;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod pipeline;
#[cfg(not(target_arch = "wasm32"))]
pub mod structure;

#[cfg(target_arch = "wasm32")]
pub mod app;
