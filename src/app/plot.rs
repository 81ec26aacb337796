//! A chart on a canvas: drawn for the screen's pixel density, redrawn on resize,
//! sized by a ResizeObserver, with hover/tap details for each point and PNG / SVG downloads of the same
//! picture.

use super::chart::{draw, hit, Hits, Plot};
use super::dom;
use super::Ctx;
use leptos::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// The canvas backend with text measured by the canvas (`measureText`). Plotters'
/// own measure for the web appends a `<span>` to the page and reads its
/// `offsetHeight`, which forces a layout of the whole page for every label: on a
/// page with a long table that alone cost more than a frame per redraw.
struct Measured {
    canvas: CanvasBackend,
    ctx: web_sys::CanvasRenderingContext2d,
}

impl Measured {
    fn new(c: &web_sys::HtmlCanvasElement) -> Option<Self> {
        let ctx = c.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Measured {
            canvas: CanvasBackend::with_canvas_object(c.clone())?,
            ctx,
        })
    }
}

impl DrawingBackend for Measured {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.canvas.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.present()
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.draw_path(path, s)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.fill_polygon(path, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.draw_circle(c, r, s, fill)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.canvas.draw_text(text, s, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font_style = s.style();
        let style = match font_style {
            FontStyle::Normal => "",
            _ => font_style.as_str(),
        };
        self.ctx
            .set_font(&format!("{style} {}px {}", s.size(), s.family().as_str()));
        let width = self
            .ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.0);
        // The line box a span of this font would have (about 1.2 em).
        Ok((width.ceil() as u32, (s.size() * 1.2).ceil() as u32))
    }
}

/// `tip(row)` describes a point; `open(row)` is called when a point is chosen
/// (a click on a point whose details are showing).
#[component]
pub fn PlotView(
    plot: Memo<Plot>,
    #[prop(into)] tip: Callback<usize, String>,
    #[prop(into)] open: Callback<usize>,
    #[prop(into)] stem: Signal<String>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let hits = StoredValue::new(Hits::new());
    let shown = RwSignal::new(None::<(usize, f64, f64)>);
    // The canvas's CSS size, as a ResizeObserver reports it after each layout.
    // Reading it while drawing would force the browser to lay out the page in the
    // middle of a filter change.
    let size = RwSignal::new(None::<(f64, f64)>);
    Effect::new(move |_| {
        if let Some(c) = canvas.get() {
            dom::observe_size(&c, size);
        }
    });
    Effect::new(move |_| {
        let Some((w, h)) = size.get() else { return };
        let Some(c) = canvas.get() else { return };
        let scale = dom::fit_canvas(&c, w, h);
        plot.with(|p| {
            if let Some(backend) = Measured::new(&c) {
                hits.set_value(
                    dom::timed("baogao:draw", || draw(backend, p, scale)).unwrap_or_default(),
                );
            }
        });
        shown.set(None);
    });
    let pick = move |ev: &web_sys::PointerEvent| {
        let dpr = window().device_pixel_ratio().max(1.0);
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let row =
            hits.with_value(|h| hit(h, (x * dpr) as i32, (y * dpr) as i32, (14.0 * dpr) as i32));
        row.map(|r| (r, x, y))
    };
    let png = move |_| {
        if let Some(c) = canvas.get() {
            if let Ok(url) = c.to_data_url() {
                dom::download_url(&format!("{}.png", stem.get()), &url);
            }
        }
    };
    view! {
        <div class="chart-box">
            <canvas
                node_ref=canvas
                role="img"
                aria-label=move || plot.with(|p| format!("{} — {}", p.title, ctx.tr("数据见下表", "data in the table below")))
                on:pointermove=move |ev| {
                    if ev.pointer_type() == "mouse" {
                        shown.set(pick(&ev));
                    }
                }
                on:pointerleave=move |ev| {
                    if ev.pointer_type() == "mouse" {
                        shown.set(None);
                    }
                }
                on:pointerup=move |ev| {
                    let p = pick(&ev);
                    match (p, shown.get_untracked()) {
                        (Some((r, ..)), Some((s, ..))) if r == s => open.run(r),
                        _ => shown.set(p),
                    }
                }
            ></canvas>
            {move || shown.get().map(|(row, x, y)| {
                let text = tip.run(row);
                view! {
                    <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>
                        {text}
                    </div>
                }
            })}
        </div>
        <div class="toolbar">
            <button on:click=png>{ctx.t("下载图片 PNG", "Download chart PNG")}</button>
        </div>
    }
}
