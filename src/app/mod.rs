//! The browser app (wasm32 only).

pub fn start() {}
