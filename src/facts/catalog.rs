//! The canonical indicator catalog, read from `src/data/indicators.toml`, and the
//! matching of a fact's subject to an indicator.
//!
//! Owns which words name which indicator; the words themselves are data, not code.

use super::units::{family_of, Family};
use crate::model::Indicator;
use rustc_hash::FxHashMap;
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

/// A catalog ready for matching subjects: its names and aliases by first
/// character, so that the ones a subject contains are found from the subject's own
/// characters instead of by a substring search per alias.
#[derive(Debug)]
pub struct Matcher<'a> {
    catalog: &'a [Indicator],
    /// `(index in the catalog, name or alias)` of every non-empty one.
    by_first: FxHashMap<char, Vec<(usize, &'a str)>>,
}

impl<'a> Matcher<'a> {
    pub fn new(catalog: &'a [Indicator]) -> Matcher<'a> {
        let mut by_first: FxHashMap<char, Vec<(usize, &'a str)>> = FxHashMap::default();
        for (i, ind) in catalog.iter().enumerate() {
            for a in std::iter::once(&ind.name_zh).chain(&ind.aliases) {
                if let Some(c) = a.chars().next() {
                    by_first.entry(c).or_default().push((i, a));
                }
            }
        }
        Matcher { catalog, by_first }
    }

    /// The indicator `subject` names, given the unit family of its level (`None`
    /// when only a change is stated) and the sentence text before the figure.
    pub fn find(&self, subject: &str, family: Option<Family>, before: &str) -> Option<String> {
        // Per indicator, the characters of the longest name or alias in the subject.
        let mut longest = vec![0; self.catalog.len()];
        for (at, c) in subject.char_indices() {
            for &(i, a) in self.by_first.get(&c).into_iter().flatten() {
                if subject[at..].starts_with(a) {
                    longest[i] = longest[i].max(a.chars().count());
                }
            }
        }
        let mut candidates: Vec<(usize, &Indicator)> = longest
            .into_iter()
            .zip(self.catalog)
            .filter(|&(len, _)| len > 0)
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
        let matcher = Matcher::new(&cat);
        let m = |s: &str, f| matcher.find(s, f, "");
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
            matcher
                .find("固定资产投资", Some(Family::Money), "城市更新开工项目7个")
                .as_deref(),
            None
        );
    }
}
