//! Targets against results: a target for year Y is paired with the actual figure
//! for the same district, indicator and period reported anywhere in the corpus,
//! and judged met or missed.
//!
//! Owns the pairing and the judgement only; the facts come from `extract`.

use crate::model::{Corpus, Fact, FactKind, TargetCheck, TargetStatus};

/// Qualifiers that make a target a ceiling: lower is better.
const CEILINGS: &[&str] = &["以内", "以下", "控制在", "不超过", "不高于", "低于"];
/// Indicators where less is better even without a qualifier.
const LOWER_IS_BETTER: &[&str] = &[
    "unemployment_rate",
    "pm25",
    "land_use_per_gdp",
    "water_use_per_gdp",
    "power_use_per_gdp",
    "energy_use_per_gdp",
];

/// What a target and a result both state, to be compared.
fn measure(f: &Fact) -> Option<(u8, f64)> {
    if let Some(p) = f.change_pct {
        return Some((0, p));
    }
    if let Some(p) = f.change_pp {
        return Some((1, p));
    }
    f.value_base.or(f.value).map(|v| (2, v))
}

fn comparable(target: &Fact, result: &Fact) -> Option<(f64, f64)> {
    let pick = |f: &Fact, which: u8| match which {
        0 => f.change_pct,
        1 => f.change_pp,
        _ => f.value_base.or(f.value),
    };
    let (which, t) = measure(target)?;
    let r = pick(result, which)?;
    Some((t, r))
}

/// Whether `result` meets `target`. "About" targets (左右, 约) allow a small
/// shortfall: half a percentage point of growth, or 2% of a level.
fn met(target: &Fact, t: f64, r: f64) -> bool {
    let q = target.qualifier.as_deref().unwrap_or("");
    let is_change = target.change_pct.is_some() || target.change_pp.is_some();
    let ceiling = CEILINGS.contains(&q)
        || (!is_change
            && target
                .indicator
                .as_deref()
                .is_some_and(|i| LOWER_IS_BETTER.contains(&i)));
    let about = matches!(q, "左右" | "约" | "上下");
    let slack = if about {
        if is_change {
            0.5
        } else {
            t.abs() * 0.02
        }
    } else {
        0.0
    };
    if ceiling {
        r <= t + slack
    } else if is_change && t < 0.0 {
        // 下降5%: a reduction at least that large.
        r <= t + slack
    } else {
        r >= t - slack
    }
}

/// Pairs every target that names an indicator and a period with a result.
pub fn check_targets(corpus: &Corpus) -> Vec<TargetCheck> {
    let mut out = Vec::new();
    for (di, d) in corpus.docs.iter().enumerate() {
        for (fi, t) in d.facts.iter().enumerate() {
            if t.kind != FactKind::Target || t.indicator.is_none() || t.period_end.is_none() {
                continue;
            }
            let mut result = None;
            'search: for (dj, e) in corpus.docs.iter().enumerate() {
                if e.district != d.district {
                    continue;
                }
                for (fj, r) in e.facts.iter().enumerate() {
                    if r.kind == FactKind::Target
                        || r.indicator != t.indicator
                        || r.period_start != t.period_start
                        || r.period_end != t.period_end
                        || r.period_part != t.period_part
                    {
                        continue;
                    }
                    if let Some((tv, rv)) = comparable(t, r) {
                        result = Some(((dj as u32, fj as u32), met(t, tv, rv)));
                        break 'search;
                    }
                }
            }
            out.push(TargetCheck {
                target: (di as u32, fi as u32),
                result: result.map(|(r, _)| r),
                status: match result {
                    None => TargetStatus::NoResultYet,
                    Some((_, true)) => TargetStatus::Met,
                    Some((_, false)) => TargetStatus::Missed,
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Doc;

    fn fact(ind: &str, kind: FactKind, year: i32) -> Fact {
        Fact {
            indicator: Some(ind.into()),
            kind,
            period_start: Some(year),
            period_end: Some(year),
            ..Fact::default()
        }
    }

    fn corpus(a: Vec<Fact>, b: Vec<Fact>) -> Corpus {
        let doc = |facts| Doc {
            district: Some("罗湖区".into()),
            facts,
            ..Doc::default()
        };
        Corpus {
            docs: vec![doc(a), doc(b)],
            ..Corpus::default()
        }
    }

    #[test]
    fn growth_target_met_missed_and_pending() {
        let mut gdp_t = fact("gdp", FactKind::Target, 2014);
        gdp_t.change_pct = Some(8.0);
        gdp_t.qualifier = Some("左右".into());
        let mut retail_t = fact("retail_sales", FactKind::Target, 2014);
        retail_t.change_pct = Some(9.0);
        let mut fai_t = fact("fixed_asset_investment", FactKind::Target, 2014);
        fai_t.change_pct = Some(3.0);
        let mut gdp_a = fact("gdp", FactKind::Actual, 2014);
        gdp_a.value = Some(1600.0);
        gdp_a.change_pct = Some(7.8);
        let mut retail_a = fact("retail_sales", FactKind::Actual, 2014);
        retail_a.change_pct = Some(8.0);
        let c = corpus(vec![gdp_t, retail_t, fai_t], vec![gdp_a, retail_a]);
        let checks = check_targets(&c);
        let status: Vec<_> = checks.iter().map(|c| c.status).collect();
        assert_eq!(
            status,
            vec![
                TargetStatus::Met,
                TargetStatus::Missed,
                TargetStatus::NoResultYet
            ]
        );
        assert_eq!(checks[0].result, Some((1, 0)));
    }

    #[test]
    fn ceilings_and_reductions_mean_lower_is_better() {
        let mut unemp_t = fact("unemployment_rate", FactKind::Target, 2014);
        unemp_t.value = Some(3.0);
        unemp_t.value_base = Some(3.0);
        unemp_t.qualifier = Some("以内".into());
        let mut water_t = fact("water_use_per_gdp", FactKind::Target, 2014);
        water_t.change_pct = Some(-5.0);
        let mut unemp_a = fact("unemployment_rate", FactKind::Actual, 2014);
        unemp_a.value = Some(2.4);
        unemp_a.value_base = Some(2.4);
        let mut water_a = fact("water_use_per_gdp", FactKind::Actual, 2014);
        water_a.change_pct = Some(-3.0);
        let c = corpus(vec![unemp_t, water_t], vec![unemp_a, water_a]);
        let status: Vec<_> = check_targets(&c).iter().map(|c| c.status).collect();
        assert_eq!(status, vec![TargetStatus::Met, TargetStatus::Missed]);
    }

    #[test]
    fn other_districts_do_not_pair() {
        let mut t = fact("gdp", FactKind::Target, 2015);
        t.change_pct = Some(8.0);
        let mut a = fact("gdp", FactKind::Actual, 2015);
        a.change_pct = Some(9.0);
        let mut c = corpus(vec![t], vec![a]);
        c.docs[1].district = Some("福田区".into());
        assert_eq!(check_targets(&c)[0].status, TargetStatus::NoResultYet);
    }
}
