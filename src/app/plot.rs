//! A chart on a canvas: drawn for the screen's pixel density, redrawn on resize,
//! with hover/tap details for each point and PNG / SVG downloads of the same
//! picture.

use super::chart::{draw, hit, Hits, Plot};
use super::dom;
use super::Ctx;
use leptos::prelude::*;
use plotters_canvas::CanvasBackend;

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
    Effect::new(move |_| {
        ctx.resized.track();
        let Some(c) = canvas.get() else { return };
        let scale = dom::fit_canvas(&c);
        plot.with(|p| {
            if let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) {
                hits.set_value(draw(backend, p, scale).unwrap_or_default());
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
