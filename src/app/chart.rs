//! Line charts over years, drawn with plotters against any `DrawingBackend` (in the
//! app, the canvas on screen, whose pixels are also the PNG download). Title,
//! legend and source line are drawn into the picture so a downloaded image stands
//! on its own.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Okabe–Ito: distinguishable with every common colour-vision deficiency.
pub const PALETTE: [(u8, u8, u8); 6] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
];

/// One point of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotPoint {
    pub x: f64,
    pub y: f64,
    /// Part-year figure (上半年, 1–7月): drawn as a triangle.
    pub partial: bool,
    /// Row of the table under the chart this point stands for.
    pub row: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlotSeries {
    pub label: String,
    pub color: usize,
    /// Targets: dashed line, hollow markers.
    pub target: bool,
    /// Connect the points (part-year figures stand alone).
    pub line: bool,
    pub points: Vec<PlotPoint>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plot {
    pub title: String,
    pub y_label: String,
    pub source: String,
    pub series: Vec<PlotSeries>,
    pub dark: bool,
}

/// Where each point landed, in backend pixels, for hover and tap.
pub type Hits = Vec<(i32, i32, usize)>;

fn color(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

/// Draws the plot; `scale` is the device pixel ratio (fonts and strokes grow with
/// it so the chart is crisp on HiDPI screens).
pub fn draw<DB: DrawingBackend + 'static>(
    backend: DB,
    plot: &Plot,
    scale: f64,
) -> Result<Hits, String> {
    let root = backend.into_drawing_area();
    draw_on(&root, plot, scale).map_err(|e| e.to_string())
}

fn draw_on<DB: DrawingBackend + 'static>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot,
    scale: f64,
) -> Result<Hits, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let (bg, fg, grid) = if plot.dark {
        (
            RGBColor(31, 31, 29),
            RGBColor(236, 235, 230),
            RGBColor(70, 70, 66),
        )
    } else {
        (WHITE, RGBColor(29, 29, 27), RGBColor(225, 222, 215))
    };
    root.fill(&bg)?;
    let font = "sans-serif";
    let (w, h) = root.dim_in_pixel();
    let (body, foot) = root.split_vertically(h as i32 - px(22.0));
    foot.draw(&Text::new(
        plot.source.clone(),
        (px(8.0), px(4.0)),
        (font, px(11.0)).into_font().color(&fg),
    ))?;
    let points: Vec<&PlotPoint> = plot.series.iter().flat_map(|s| &s.points).collect();
    if points.is_empty() {
        body.draw(&Text::new(
            plot.title.clone(),
            (px(8.0), px(8.0)),
            (font, px(15.0)).into_font().color(&fg),
        ))?;
        return Ok(Vec::new());
    }
    let (mut x0, mut x1) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
    if x1 - x0 < 1.0 {
        x0 -= 1.0;
        x1 += 1.0;
    }
    let (mut y0, mut y1) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.y), b.max(p.y)));
    y0 = y0.min(0.0);
    y1 = y1.max(0.0);
    // Headroom above the data for the legend in the upper left.
    let pad = ((y1 - y0) * 0.3).max(1e-9);
    let mut chart = ChartBuilder::on(&body)
        .caption(plot.title.clone(), (font, px(16.0)).into_font().color(&fg))
        .margin(px(10.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d((x0 - 0.4)..(x1 + 0.4), y0..(y1 + pad))?;
    let years = (x1 - x0).round() as usize + 1;
    chart
        .configure_mesh()
        .x_labels(years.min(12))
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 {
                format!("{:.0}", x)
            } else {
                String::new()
            }
        })
        .y_desc(plot.y_label.clone())
        .y_label_formatter(&|y| crate::export::format_number((y * 100.0).round() / 100.0))
        .label_style((font, px(11.0)).into_font().color(&fg))
        .axis_desc_style((font, px(11.0)).into_font().color(&fg))
        .light_line_style(bg)
        .bold_line_style(grid)
        .axis_style(fg)
        .draw()?;
    let mut hits = Vec::new();
    for s in &plot.series {
        let c = color(s.color);
        let style = c.stroke_width(px(2.0).max(1) as u32);
        let xy: Vec<(f64, f64)> = s.points.iter().map(|p| (p.x, p.y)).collect();
        if s.line && s.target {
            chart.draw_series(DashedLineSeries::new(xy, px(6.0), px(4.0), style))?;
        } else if s.line {
            chart.draw_series(LineSeries::new(xy, style))?;
        }
        let lw = px(2.0).max(1) as u32;
        let r = px(4.5);
        for p in &s.points {
            let st = if s.target {
                c.stroke_width(lw)
            } else {
                c.filled()
            };
            if p.partial {
                chart.draw_series(std::iter::once(TriangleMarker::new((p.x, p.y), r + 1, st)))?;
            } else {
                chart.draw_series(std::iter::once(Circle::new((p.x, p.y), r, st)))?;
            }
            let (hx, hy) = chart.backend_coord(&(p.x, p.y));
            hits.push((hx, hy, p.row));
        }
    }
    let area = chart.plotting_area().strip_coord_spec();
    legend(
        &area,
        plot,
        &px,
        (bg, grid),
        (font, px(11.0)).into_font().color(&fg),
    )?;
    let _ = w;
    Ok(hits)
}

/// The legend, in the upper left of the plotting area: each series' line and
/// marker (dashed and hollow for targets, a triangle for part-year) and its label.
/// Drawn here rather than by plotters, whose legend measures its labels through
/// the page's layout; these are measured by the backend.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    px: &dyn Fn(f64) -> i32,
    (bg, grid): (RGBColor, RGBColor),
    text: TextStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (pad, line_h, key_w) = (px(6.0), px(16.0), px(24.0));
    let mut text_w = 0;
    for s in &plot.series {
        text_w = text_w.max(area.estimate_text_size(&s.label, &text)?.0 as i32);
    }
    let (x0, y0) = (px(6.0), px(6.0));
    let n = plot.series.len() as i32;
    let corner = (
        x0 + 2 * pad + key_w + px(4.0) + text_w,
        y0 + 2 * pad + n * line_h,
    );
    area.draw(&Rectangle::new([(x0, y0), corner], bg.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(x0, y0), corner], grid.stroke_width(1)))?;
    let lw = px(2.0).max(1) as u32;
    let label = text.pos(Pos::new(HPos::Left, VPos::Center));
    for (i, s) in plot.series.iter().enumerate() {
        let c = color(s.color);
        let (x, y) = (x0 + pad, y0 + pad + i as i32 * line_h + line_h / 2);
        if s.line {
            // Two dashes for a target, one stroke for an actual.
            let dashes: &[(i32, i32)] = if s.target {
                &[(0, 9), (15, 24)]
            } else {
                &[(0, 24)]
            };
            for &(a, b) in dashes {
                let seg = vec![(x + px(a as f64), y), (x + px(b as f64), y)];
                area.draw(&PathElement::new(seg, c.stroke_width(lw)))?;
            }
        }
        let st = if s.target {
            c.stroke_width(lw)
        } else {
            c.filled()
        };
        let mid = (x + key_w / 2, y);
        if s.line {
            area.draw(&Circle::new(mid, px(4.0), st))?;
        } else {
            area.draw(&TriangleMarker::new(mid, px(5.0), st))?;
        }
        area.draw(&Text::new(
            s.label.clone(),
            (x + key_w + px(4.0), y),
            label.clone(),
        ))?;
    }
    Ok(())
}

/// The nearest point within `radius` pixels.
pub fn hit(hits: &Hits, x: i32, y: i32, radius: i32) -> Option<usize> {
    hits.iter()
        .map(|&(hx, hy, row)| ((hx - x).pow(2) + (hy - y).pow(2), row))
        .filter(|&(d, _)| d <= radius * radius)
        .min_by_key(|&(d, _)| d)
        .map(|(_, row)| row)
}
