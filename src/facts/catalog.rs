//! The canonical indicator catalog, read from `src/data/indicators.toml`, and the
//! matching of a fact's subject to an indicator.
//!
//! Owns which words name which indicator; the words themselves are data, not code.

use super::units::{family_of, Family};
use crate::model::Indicator;
use crate::structure::fold::CharSet;
use serde::Deserialize;
use std::sync::OnceLock;

const CATALOG_TOML: &str = include_str!("../data/indicators.toml");

#[derive(Deserialize)]
struct CatalogFile {
    indicator: Vec<Entry>,
}

#[derive(Clone, Deserialize)]
struct Entry {
    id: String,
    name_zh: String,
    name_en: String,
    unit: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    exclude_context: Vec<String>,
}

fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        toml::from_str::<CatalogFile>(CATALOG_TOML)
            .expect("src/data/indicators.toml is valid (checked by the catalog tests)")
            .indicator
    })
}

/// The catalog as the model's [`Indicator`]s.
pub fn catalog() -> Vec<Indicator> {
    entries()
        .iter()
        .map(|e| Indicator {
            id: e.id.clone(),
            name_zh: e.name_zh.clone(),
            name_en: e.name_en.clone(),
            aliases: e.aliases.clone(),
            unit: e.unit.clone(),
        })
        .collect()
}

/// Whether two unit families can measure the same indicator.
fn compatible(a: Family, b: Family) -> bool {
    use Family::*;
    a == b || matches!((a, b), (Percent, Tenths) | (Tenths, Percent)) || (a == Other || b == Other)
}

/// The indicator `subject` names, given the unit family of its level (`None`
/// when only a change is stated) and the sentence text before the figure.
pub fn match_indicator(
    catalog: &[Indicator],
    subject: &str,
    family: Option<Family>,
    before: &str,
) -> Option<String> {
    // Most aliases have a character the subject lacks; the set rules them out
    // without a substring search each.
    let chars = CharSet::of(subject);
    let mut candidates: Vec<(usize, &Indicator)> = catalog
        .iter()
        .filter_map(|ind| {
            std::iter::once(&ind.name_zh)
                .chain(&ind.aliases)
                .filter(|a| !a.is_empty() && chars.may_contain(a) && subject.contains(a.as_str()))
                .map(|a| a.chars().count())
                .max()
                .map(|len| (len, ind))
        })
        .collect();
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    candidates.into_iter().map(|(_, ind)| ind).find_map(|ind| {
        if let Some(e) = entries().iter().find(|e| e.id == ind.id) {
            // An exclusion that is itself part of the matched alias does not count
            // (占 in 第三产业占GDP比重).
            let alias_hit = |x: &str| {
                std::iter::once(&ind.name_zh)
                    .chain(&ind.aliases)
                    .any(|a| subject.contains(a.as_str()) && a.contains(x))
            };
            if e.exclude
                .iter()
                .any(|x| subject.contains(x.as_str()) && !alias_hit(x))
            {
                return None;
            }
            if e.exclude_context
                .iter()
                .any(|x| before.contains(x.as_str()))
            {
                return None;
            }
        }
        if let Some(f) = family {
            if !compatible(f, family_of(&ind.unit)) {
                return None;
            }
        }
        Some(ind.id.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUIRED: [&str; 19] = [
        "gdp",
        "gdp_per_capita",
        "retail_sales",
        "fixed_asset_investment",
        "budget_revenue",
        "tax_revenue",
        "trade_total",
        "exports",
        "industrial_value_added",
        "fdi_actual",
        "per_capita_disposable_income",
        "tertiary_share",
        "unemployment_rate",
        "pm25",
        "air_quality_rate",
        "livelihood_spending",
        "land_use_per_gdp",
        "water_use_per_gdp",
        "power_use_per_gdp",
    ];

    #[test]
    fn catalog_has_the_required_ids_with_names_and_units() {
        let cat = catalog();
        for id in REQUIRED {
            let ind = cat
                .iter()
                .find(|i| i.id == id)
                .unwrap_or_else(|| panic!("{id}"));
            assert!(!ind.name_zh.is_empty() && !ind.name_en.is_empty() && !ind.unit.is_empty());
        }
        let mut ids: Vec<_> = cat.iter().map(|i| &i.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), cat.len(), "ids are unique");
    }

    #[test]
    fn subjects_map_to_indicators_in_both_scripts() {
        let cat = catalog();
        let m = |s: &str, f| match_indicator(&cat, s, f, "");
        assert_eq!(
            m("本区生产总值", Some(Family::Money)).as_deref(),
            Some("gdp")
        );
        assert_eq!(
            m("地區生產總值", Some(Family::Money)).as_deref(),
            Some("gdp")
        );
        assert_eq!(m("每平方公里土地产出GDP", Some(Family::Money)), None);
        assert_eq!(m("增加值占GDP", Some(Family::Percent)), None);
        assert_eq!(
            m("第三产业占GDP比重", Some(Family::Percent)).as_deref(),
            Some("tertiary_share")
        );
        assert_eq!(
            m("公共財政預算收入", None).as_deref(),
            Some("budget_revenue")
        );
        assert_eq!(m("新增税收亿元楼", Some(Family::Count)), None);
        assert_eq!(
            m("进出口总额", Some(Family::Money)).as_deref(),
            Some("trade_total")
        );
        assert_eq!(
            m("出口总额", Some(Family::Money)).as_deref(),
            Some("exports")
        );
        assert_eq!(
            m("萬元GDP建設用地", None).as_deref(),
            Some("land_use_per_gdp")
        );
        assert_eq!(
            match_indicator(
                &cat,
                "固定资产投资",
                Some(Family::Money),
                "城市更新开工项目7个"
            )
            .as_deref(),
            None
        );
    }
}
