//! The binary: the command-line tool on the host, the web app on wasm32.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(baogao::cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    baogao::app::start();
}
