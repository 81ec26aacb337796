//! Units of measure as the reports write them after a numeral (`亿元`, `万户`,
//! `个百分点`, `微克/立方米` …), with their multiplier to the base unit and the
//! family they belong to.
//!
//! Owns the unit vocabulary only; cfg-free so the browser can translate units
//! too. Matching is on simplified text; callers fold traditional characters
//! first (`extract::fold_char`).

use super::number::starts_with;

/// What a unit measures, for deciding which figures are comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Money,
    Percent,
    /// 个百分点
    Points,
    /// 倍
    Times,
    /// 成 (tenths)
    Tenths,
    Count,
    Area,
    Length,
    Volume,
    Mass,
    Energy,
    Concentration,
    Days,
    Other,
}

/// A unit read after a numeral.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Characters the unit spans in the text.
    pub len: usize,
    /// Multiplier from the written value to the base unit (亿元 → 1e8).
    pub factor: f64,
    pub family: Family,
    /// The base unit without multiplier (元, 户, 平方米 …).
    pub base: &'static str,
}

/// Units that are measures; a Chinese numeral followed by one of these is a
/// quantity (两亿元, 一千平方米), while one followed by a mere counter (两个, 四大)
/// is rhetoric.
const MEASURES: &[(&str, Family)] = &[
    ("微克/立方米", Family::Concentration),
    ("毫克/立方米", Family::Concentration),
    ("吨标准煤/万元", Family::Energy),
    ("吨标准煤", Family::Energy),
    ("千瓦时/万元", Family::Energy),
    ("立方米/万元", Family::Volume),
    ("平方米/万元", Family::Area),
    ("千瓦时", Family::Energy),
    ("万千瓦时", Family::Energy),
    ("千瓦", Family::Energy),
    ("平方公里", Family::Area),
    ("平方千米", Family::Area),
    ("平方米", Family::Area),
    ("立方米", Family::Volume),
    ("公顷", Family::Area),
    ("亩", Family::Area),
    ("公里", Family::Length),
    ("千米", Family::Length),
    ("延米", Family::Length),
    ("米", Family::Length),
    ("美元", Family::Money),
    ("港元", Family::Money),
    ("港币", Family::Money),
    ("欧元", Family::Money),
    ("元", Family::Money),
    ("吨", Family::Mass),
    ("千克", Family::Mass),
    ("公斤", Family::Mass),
    ("标箱", Family::Count),
    ("TEU", Family::Count),
];

/// Counters: a number of things. Arabic numerals with these are facts (建成学校3所);
/// Chinese numerals with them are not (四个意识, 两次亲临).
const COUNTERS: &[&str] = &[
    "人次", "批次", "架次", "户", "个", "家", "所", "套", "间", "栋", "幢", "座", "条", "台", "张",
    "名", "位", "人", "宗", "件", "份", "场", "支", "批", "项", "次", "处", "辆", "只", "部", "株",
    "棵", "盏", "块", "片", "类", "种", "节", "层", "床", "例", "起", "宗", "艘", "册", "期", "班",
    "对", "组", "届", "篇", "本", "台套", "家次", "场次", "天", "剂", "剂次", "单", "票", "辆次",
];

const PREFIXES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
];

/// Reads the unit starting at `i` in `folded` (simplified characters), the
/// longest match first. A bare `万`/`亿` (1.9亿) is a unit by itself.
pub fn read_unit(folded: &[char], i: usize) -> Option<Unit> {
    let rest = &folded[i..folded.len().min(i + 10)];
    let at = |k: usize, u: &str| starts_with(rest, k, u);
    // Ratios first.
    for (u, fam, base) in [
        ("个百分点", Family::Points, "个百分点"),
        ("百分点", Family::Points, "个百分点"),
        ("%", Family::Percent, "%"),
        ("‰", Family::Percent, "‰"),
        ("倍", Family::Times, "倍"),
        ("成", Family::Tenths, "成"),
    ] {
        if at(0, u) {
            let factor = if u == "‰" { 0.1 } else { 1.0 };
            return Some(Unit {
                len: u.chars().count(),
                factor,
                family: fam,
                base,
            });
        }
    }
    let (plen, factor) = PREFIXES
        .iter()
        .find(|(p, _)| at(0, p))
        .map(|(p, f)| (p.chars().count(), *f))
        .unwrap_or((0, 1.0));
    let best_measure = MEASURES
        .iter()
        .filter(|(u, _)| at(plen, u))
        .max_by_key(|(u, _)| u.chars().count());
    if let Some((u, fam)) = best_measure {
        return Some(Unit {
            len: plen + u.chars().count(),
            factor,
            family: *fam,
            base: u,
        });
    }
    let best_counter = COUNTERS
        .iter()
        .filter(|u| at(plen, u))
        .max_by_key(|u| u.chars().count());
    if let Some(u) = best_counter {
        let family = if *u == "天" {
            Family::Days
        } else {
            Family::Count
        };
        return Some(Unit {
            len: plen + u.chars().count(),
            factor,
            family,
            base: u,
        });
    }
    if plen > 0 {
        return Some(Unit {
            len: plen,
            factor,
            family: Family::Other,
            base: "",
        });
    }
    None
}

/// The family of a unit string as a catalog writes it (`亿元` → Money).
pub fn family_of(unit: &str) -> Family {
    let chars: Vec<char> = unit.chars().collect();
    read_unit(&chars, 0).map_or(Family::Other, |u| u.family)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(s: &str) -> Option<(usize, f64, Family)> {
        let c: Vec<char> = s.chars().collect();
        read_unit(&c, 0).map(|u| (u.len, u.factor, u.family))
    }

    #[test]
    fn money_with_multipliers() {
        assert_eq!(unit("亿元,增长"), Some((2, 1e8, Family::Money)));
        assert_eq!(unit("万美元"), Some((3, 1e4, Family::Money)));
        assert_eq!(unit("亿美元"), Some((3, 1e8, Family::Money)));
        assert_eq!(unit("元"), Some((1, 1.0, Family::Money)));
        assert_eq!(unit("亿,"), Some((1, 1e8, Family::Other)));
    }

    #[test]
    fn measures_counts_and_ratios() {
        assert_eq!(unit("万平方米"), Some((4, 1e4, Family::Area)));
        assert_eq!(unit("平方公里"), Some((4, 1.0, Family::Area)));
        assert_eq!(unit("万户家庭"), Some((2, 1e4, Family::Count)));
        assert_eq!(unit("个百分点"), Some((4, 1.0, Family::Points)));
        assert_eq!(
            unit("微克/立方米以下"),
            Some((6, 1.0, Family::Concentration))
        );
        assert_eq!(unit("千瓦时"), Some((3, 1.0, Family::Energy)));
        assert_eq!(unit("人次"), Some((2, 1.0, Family::Count)));
        assert_eq!(unit("‰").map(|u| u.2), Some(Family::Percent));
        assert_eq!(unit("吨标准煤/万元").map(|u| u.0), Some(7));
        assert_eq!(unit("年"), None);
    }
}
