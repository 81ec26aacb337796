//! The few browser chores the views share: downloading a file the app made, and
//! sizing a canvas for the screen's pixel density.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `body` as a file download named `name`.
pub fn download(name: &str, mime: &str, body: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Clicks a temporary link to `url` with the `download` attribute.
pub fn download_url(name: &str, url: &str) {
    let Ok(a) = document().create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(url);
    a.set_download(name);
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Sizes a canvas's backing store to its CSS box (`width` × `height` CSS pixels)
/// times the device pixel ratio; returns the ratio.
pub fn fit_canvas(canvas: &web_sys::HtmlCanvasElement, width: f64, height: f64) -> f64 {
    let dpr = window().device_pixel_ratio().max(1.0);
    let w = (width * dpr).round().max(1.0) as u32;
    let h = (height * dpr).round().max(1.0) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    dpr
}

/// Keeps `size` equal to the element's content box (CSS pixels), as a
/// ResizeObserver reports it: after layout, without forcing one.
///
/// The observer and its callback live as long as the element: the callback is
/// left to the garbage collector with it (a few bytes per chart mounted), and it
/// writes with `try_set`, so a report after the view is gone does nothing.
pub fn observe_size(el: &web_sys::Element, size: RwSignal<Option<(f64, f64)>>) {
    let report = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let r = entry.content_rect();
            let next = Some((r.width(), r.height()));
            if r.width() > 0.0 && size.try_get_untracked().is_some_and(|s| s != next) {
                let _ = size.try_set(next);
            }
        },
    );
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    report.forget();
}

/// Whether dark colours are in force (embed theme or system setting).
pub fn prefers_dark() -> bool {
    match document()
        .document_element()
        .and_then(|e| e.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// A file-name-safe stem from the view state, e.g. `baogao-figures-gdp`.
pub fn file_stem(parts: &[&str]) -> String {
    let mut s = String::from("baogao");
    for p in parts.iter().filter(|p| !p.is_empty()) {
        s.push('-');
        s.extend(p.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }));
    }
    s
}

/// Runs `f` and records its duration as a `performance` measure named `name`, so
/// a benchmark (scripts/bench-browser.mjs) can read how long the computation took
/// apart from drawing. Marks are cleared; only the measure entries remain.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(perf) = window().performance() else {
        return f();
    };
    let start = format!("{name}:start");
    let _ = perf.mark(&start);
    let out = f();
    let _ = perf.measure_with_start_mark(name, &start);
    perf.clear_marks_with_mark_name(&start);
    out
}
