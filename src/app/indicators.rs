//! The indicator view: one indicator charted over the periods, a series per
//! district, actual and target drawn differently, part-year figures marked; the
//! plotted figures as a table (and CSV); targets against results.

use super::chart::{Plot, PlotPoint, PlotSeries};
use super::dom;
use super::i18n::{fact_kind, num, period, status, unit};
use super::plot::PlotView;
use super::rows;
use super::Ctx;
use crate::model::{Corpus, Fact, FactKind, Indicator};
use crate::query::{FactRef, Selection};
use crate::state::Lang;
use crate::table;
use leptos::prelude::*;

/// Base units per canonical unit, to bring a figure stated in 万元 onto a 亿元 axis.
fn unit_factor(unit: &str) -> Option<f64> {
    Some(match unit {
        "万亿元" => 1e12,
        "亿元" | "亿美元" => 1e8,
        "万元" | "万美元" | "万人" | "万户" => 1e4,
        "元" | "美元" | "人" | "户" => 1.0,
        _ => return None,
    })
}

/// The number a fact contributes to the chart: its level in the indicator's unit,
/// or its growth in percent.
fn measure(f: &Fact, ind: &Indicator, growth: bool) -> Option<f64> {
    if growth {
        return f.change_pct;
    }
    let v = f.value?;
    if f.unit.as_deref() == Some(ind.unit.as_str()) {
        return Some(v);
    }
    Some(f.value_base? / unit_factor(&ind.unit)?)
}

/// The plotted figures: facts of the indicator in the selection that have a year
/// and a value for the measure. Running totals over spans are listed under Figures.
fn plotted<'a>(
    c: &'a Corpus,
    sel: &Selection,
    ind: &Indicator,
    growth: bool,
) -> Vec<(FactRef, &'a Fact, f64)> {
    let mut rows: Vec<_> = table::figures(c, sel, Some(&ind.id))
        .into_iter()
        .filter(|(_, f)| f.kind != FactKind::Cumulative && f.period_end.is_some())
        .filter_map(|(r, f)| measure(f, ind, growth).map(|y| (r, f, y)))
        .collect();
    crate::order::sort_by_key(&mut rows, |(r, f, _)| {
        (
            district(c, *r),
            f.period_end,
            f.period_part.is_some(),
            f.kind == FactKind::Target,
        )
    });
    rows
}

fn district(c: &Corpus, r: FactRef) -> String {
    c.docs[r.doc as usize]
        .district
        .clone()
        .unwrap_or_else(|| "—".into())
}

fn build_plot(
    c: &Corpus,
    rows: &[(FactRef, &Fact, f64)],
    ind: &Indicator,
    growth: bool,
    lang: Lang,
    dark: bool,
) -> Plot {
    let mut series: Vec<PlotSeries> = Vec::new();
    let mut districts: Vec<String> = rows.iter().map(|(r, ..)| district(c, *r)).collect();
    crate::order::sort_dedup(&mut districts);
    for (i, (r, f, y)) in rows.iter().enumerate() {
        let d = district(c, *r);
        let color = districts.iter().position(|x| *x == d).unwrap_or(0);
        let target = f.kind == FactKind::Target;
        let partial = f.period_part.is_some();
        let label = match (partial, lang) {
            (false, _) => format!("{d} · {}", fact_kind(lang, f.kind)),
            (true, Lang::Zh) => format!("{d} · {}（部分年度）", fact_kind(lang, f.kind)),
            (true, Lang::En) => format!("{d} · {} (part-year)", fact_kind(lang, f.kind)),
        };
        let s = match series.iter_mut().find(|s| s.label == label) {
            Some(s) => s,
            None => {
                series.push(PlotSeries {
                    label,
                    color,
                    target,
                    line: !partial,
                    points: Vec::new(),
                });
                series.last_mut().expect("just pushed")
            }
        };
        s.points.push(PlotPoint {
            x: f.period_end.unwrap_or_default() as f64,
            y: *y,
            partial: f.period_part.is_some(),
            row: i,
        });
    }
    for s in &mut series {
        crate::order::sort_by(&mut s.points, |a, b| a.x.total_cmp(&b.x));
    }
    let name = match lang {
        Lang::Zh => ind.name_zh.clone(),
        Lang::En => ind.name_en.clone(),
    };
    let y_label = if growth {
        match lang {
            Lang::Zh => "增长 %".to_string(),
            Lang::En => "growth %".to_string(),
        }
    } else {
        unit(lang, &ind.unit)
    };
    let source = match lang {
        Lang::Zh => "来源：各区政府工作报告 · baogao（▲ 为部分年度数据，空心虚线为目标）".to_string(),
        Lang::En => "Source: district government work reports · baogao (▲ part-year; hollow/dashed = target)".to_string(),
    };
    Plot {
        title: format!("{name} ({y_label})"),
        y_label,
        source,
        series,
        dark,
    }
}

/// The plotted table's body as HTML (see [`rows`]).
fn plotted_html(ctx: &Ctx, list: &[(FactRef, f64)]) -> String {
    let lang = ctx.lang.get();
    let mut html = String::with_capacity(list.len() * 300);
    ctx.corpus.with(|c| {
        for (r, _) in list {
            let f = &c.docs[r.doc as usize].facts[r.fact as usize];
            let unit_name = unit(lang, f.unit.as_deref().unwrap_or(""));
            let mut value = f
                .value
                .map(|v| format!("{} {unit_name}", num(v)))
                .unwrap_or_default();
            if let Some(q) = &f.qualifier {
                value += &format!(" ({q})");
            }
            let change = f
                .change_pct
                .map(|p| format!("{:+}%", num(p)))
                .or(f.change_pp.map(|p| format!("{:+} pp", num(p))))
                .unwrap_or_default();
            html.push_str("<tr>");
            rows::cell(&mut html, "", &district(c, *r));
            rows::cell(&mut html, "", &period(f));
            rows::cell(&mut html, "", fact_kind(lang, f.kind));
            rows::cell(&mut html, "num", &value);
            rows::cell(&mut html, "num", &change);
            rows::sentence_button(
                &mut html,
                "quote",
                &f.doc,
                &f.sentence,
                &format!("“{}”", f.quote),
            );
            html.push_str("</tr>");
        }
    });
    html
}

#[component]
pub fn IndicatorsView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state;
    // Indicators with figures in the corpus come first, most figures first.
    let choices: Vec<(String, String, String, usize)> = ctx.corpus.with(|c| {
        let count = |id: &str| {
            c.docs
                .iter()
                .flat_map(|d| &d.facts)
                .filter(|f| f.indicator.as_deref() == Some(id))
                .count()
        };
        let mut v: Vec<_> = c
            .indicators
            .iter()
            .map(|i| {
                (
                    i.id.clone(),
                    i.name_zh.clone(),
                    i.name_en.clone(),
                    count(&i.id),
                )
            })
            .collect();
        crate::order::sort_by(&mut v, |a, b| b.3.cmp(&a.3));
        v
    });
    let default_id = choices
        .iter()
        .find(|c| c.0 == "gdp" && c.3 > 0)
        .or(choices.first())
        .map(|c| c.0.clone())
        .unwrap_or_default();
    let current = Memo::new(move |_| {
        let id = state
            .with(|s| s.indicator.clone())
            .unwrap_or_else(|| default_id.clone());
        ctx.corpus.with(|c| c.indicator(&id).cloned())
    });
    let growth = Memo::new(move |_| state.with(|s| s.growth));
    let rows = Memo::new(move |_| {
        let Some(ind) = current.get() else {
            return Vec::new();
        };
        let g = growth.get();
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                plotted(c, sel, &ind, g)
                    .into_iter()
                    .map(|(r, _, y)| (r, y))
                    .collect::<Vec<_>>()
            })
        })
    });
    let plot = Memo::new(move |_| {
        let Some(ind) = current.get() else {
            return Plot {
                title: String::new(),
                y_label: String::new(),
                source: String::new(),
                series: Vec::new(),
                dark: false,
            };
        };
        let g = growth.get();
        let lang = ctx.lang.get();
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                let rows = plotted(c, sel, &ind, g);
                build_plot(c, &rows, &ind, g, lang, dom::prefers_dark())
            })
        })
    });
    let fact = move |r: FactRef| {
        ctx.corpus
            .with(|c| c.docs[r.doc as usize].facts[r.fact as usize].clone())
    };
    let tip = Callback::new(move |row: usize| {
        let Some((r, _)) = rows.with_untracked(|v| v.get(row).copied()) else {
            return String::new();
        };
        let f = fact(r);
        let lang = ctx.lang.get_untracked();
        let mut s = format!(
            "{} · {} · {}",
            ctx.corpus.with(|c| district(c, r)),
            period(&f),
            fact_kind(lang, f.kind)
        );
        if let Some(v) = f.value {
            s += &format!(
                "\n{} {}",
                num(v),
                unit(lang, f.unit.as_deref().unwrap_or(""))
            );
        }
        if let Some(p) = f.change_pct {
            s += &format!("  {:+}%", num(p));
        }
        if let Some(q) = &f.qualifier {
            s += &format!(" ({q})");
        }
        s + &format!("\n“{}”", f.quote)
    });
    let open = Callback::new(move |row: usize| {
        if let Some((r, _)) = rows.with_untracked(|v| v.get(row).copied()) {
            let f = fact(r);
            ctx.open_sentence(&f.doc, &f.sentence);
        }
    });
    let paging = rows::Paging::new(move || rows.with(|v| v.len()));
    let stem = Signal::derive(move || {
        dom::file_stem(&[
            "indicator",
            &current.get().map(|i| i.id).unwrap_or_default(),
            if growth.get() { "growth" } else { "level" },
        ])
    });
    let csv = move |_| {
        let body = ctx.corpus.with(|c| {
            let list: Vec<(FactRef, &Fact)> = rows.with(|v| {
                v.iter()
                    .map(|(r, _)| (*r, &c.docs[r.doc as usize].facts[r.fact as usize]))
                    .collect()
            });
            table::figures_csv(c, &list)
        });
        dom::download(
            &format!("{}.csv", stem.get()),
            "text/csv;charset=utf-8",
            &body,
        );
    };
    view! {
        <div class="toolbar">
            <label>{ctx.t("指标", "Indicator")}" "
                <select
                    prop:value=move || current.with(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default())
                    on:change=move |ev| { let v = event_target_value(&ev); state.update(|s| s.indicator = Some(v)); }>
                    {choices.into_iter().map(|(id, zh, en, n)| {
                        let selected = current.with_untracked(|c| c.as_ref().is_some_and(|c| c.id == id));
                        view! {
                            <option value=id selected=selected>
                                {move || format!("{} ({n})", if ctx.lang.get() == Lang::Zh { &zh } else { &en })}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <div class="chips" role="group" aria-label=ctx.t("数值", "Measure")>
                <button class="chip" aria-pressed=move || (!growth.get()).to_string() on:click=move |_| state.update(|s| s.growth = false)>
                    {ctx.t("总量", "Level")}
                </button>
                <button class="chip" aria-pressed=move || growth.get().to_string() on:click=move |_| state.update(|s| s.growth = true)>
                    {ctx.t("增速", "Growth %")}
                </button>
            </div>
            <button class="primary" on:click=csv>{ctx.t("下载表格 CSV", "Download table CSV")}</button>
        </div>
        <PlotView plot=plot tip=tip open=open stem=stem />
        {move || rows.with(|r| r.is_empty()).then(|| view! {
            <p class="empty">{ctx.t("当前筛选下没有这一指标的数字。", "No figures for this indicator in the current selection.")}</p>
        })}
        <div class="table-wrap">
            <table class="plotted" aria-rowcount=paging.rowcount()>
                <caption class="visually-hidden">{ctx.t("图表数据", "Chart data")}</caption>
                <thead><tr>
                    <th>{ctx.t("区", "District")}</th>
                    <th>{ctx.t("时期", "Period")}</th>
                    <th>{ctx.t("类别", "Kind")}</th>
                    <th class="num">{ctx.t("数值", "Value")}</th>
                    <th class="num">{ctx.t("增长", "Growth")}</th>
                    <th>{ctx.t("原文", "Source sentence")}</th>
                </tr></thead>
                <tbody
                    inner_html=move || rows.with(|v| plotted_html(&ctx, &v[..paging.end().min(v.len())]))
                    on:click=rows::open_clicked(ctx)
                ></tbody>
            </table>
        </div>
        <rows::More paging=paging />
        <Targets current=current />
    }
}

/// Targets of the selection for the current indicator, with their status.
#[component]
fn Targets(current: Memo<Option<Indicator>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list = Memo::new(move |_| {
        let id = current.get().map(|i| i.id).unwrap_or_default();
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                c.targets
                    .iter()
                    .filter(|t| {
                        sel.facts
                            .binary_search(&FactRef {
                                doc: t.target.0,
                                fact: t.target.1,
                            })
                            .is_ok()
                    })
                    .filter(|t| {
                        c.docs[t.target.0 as usize].facts[t.target.1 as usize]
                            .indicator
                            .as_deref()
                            == Some(id.as_str())
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let paging = rows::Paging::new(move || list.with(|l| l.len()));
    let describe = move |doc: u32, fact: u32| {
        ctx.corpus.with(|c| {
            let f = &c.docs[doc as usize].facts[fact as usize];
            let lang = ctx.lang.get();
            let mut s = String::new();
            if let Some(v) = f.value {
                s += &format!(
                    "{} {} ",
                    num(v),
                    unit(lang, f.unit.as_deref().unwrap_or(""))
                );
            }
            if let Some(p) = f.change_pct {
                s += &format!("{:+}% ", num(p));
            }
            if let Some(q) = &f.qualifier {
                s += q;
            }
            (
                period(f),
                s,
                c.docs[doc as usize].district.clone().unwrap_or_default(),
            )
        })
    };
    view! {
        <h3>{ctx.t("目标与结果", "Targets against results")}</h3>
        {move || if list.with(|l| l.is_empty()) {
            view! { <p class="empty">{ctx.t("当前筛选下这一指标没有目标。", "No targets for this indicator in the current selection.")}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap"><table class="targets" aria-rowcount=paging.rowcount()>
                    <thead><tr>
                        <th>{ctx.t("区", "District")}</th>
                        <th>{ctx.t("年份", "Year")}</th>
                        <th>{ctx.t("目标", "Target")}</th>
                        <th>{ctx.t("结果", "Result")}</th>
                        <th>{ctx.t("状态", "Status")}</th>
                    </tr></thead>
                    <tbody inner_html=move || list.with(|l| {
                        let mut html = String::new();
                        for t in &l[..paging.end().min(l.len())] {
                            let (p, target, d) = describe(t.target.0, t.target.1);
                            let result = t.result.map(|(d, f)| describe(d, f).1).unwrap_or_default();
                            html.push_str("<tr>");
                            for text in [&d, &p, &target, &result] {
                                rows::cell(&mut html, "", text);
                            }
                            let class = format!("status-{}", t.status.as_str());
                            rows::cell(&mut html, &class, status(ctx.lang.get(), t.status));
                            html.push_str("</tr>");
                        }
                        html
                    })></tbody>
                </table></div>
                <rows::More paging=paging />
            }.into_any()
        }}
    }
}
