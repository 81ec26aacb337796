//! Time words that set the period a figure refers to: years (`2013年`), relative
//! years (`今年`, `去年`), parts of a year (`上半年`, `1-7月`, `一季度`), spans
//! (`过去五年`, `十三五期间`, `2016—2020年`).
//!
//! Owns finding these markers in a (folded, simplified) text; `extract` decides
//! which marker governs which figure.

use crate::model::Period;
use std::sync::OnceLock;

/// A time expression and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMark {
    pub start: usize,
    pub end: usize,
    pub what: TimeWhat,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TimeWhat {
    /// `2013年`; `of` is true for `2015年的` (applies to the next figure only).
    Year { year: i32, of: bool },
    /// Years relative to the document's year: 今年 0, 去年 -1, 明年 1.
    Relative(i32),
    /// An explicit span of years: 2016—2020年, 十三五期间.
    Span(Period),
    /// The span under review: 过去五年, 五年来.
    ReviewSpan,
    /// The span planned: 今后五年, 未来五年.
    PlanSpan,
    /// Part of a year: `H1`, `M1-M7`, `Q1` …
    Part(String),
    /// 全年: the whole year (cancels a part).
    WholeYear,
}

/// The years of a five-year plan named like `十三五`.
pub fn five_year_plan(n: u32) -> Option<Period> {
    // The third plan started in 1966 after the 1963–65 adjustment; since then
    // they run back to back.
    if n >= 3 {
        let start = 1966 + 5 * (n as i32 - 3);
        Some(Period {
            start,
            end: start + 4,
        })
    } else {
        None
    }
}

fn cn_small(c: char) -> Option<u32> {
    // 零 … 九 only: not 〇 or 两.
    match c {
        '〇' | '两' | '兩' => None,
        _ => crate::facts::number::cn_digit(c),
    }
}

fn month_num(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut n = 0u32;
    while j < chars.len() && chars[j].is_ascii_digit() && j - i < 2 {
        n = n * 10 + chars[j].to_digit(10)?;
        j += 1;
    }
    if j > i {
        return Some((n, j));
    }
    // 一 … 十二
    let c = *chars.get(i)?;
    if c == '十' {
        if let Some(d) = chars
            .get(i + 1)
            .and_then(|&c| cn_small(c))
            .filter(|&d| d > 0 && d <= 2)
        {
            return Some((10 + d, i + 2));
        }
        return Some((10, i + 1));
    }
    cn_small(c).filter(|&d| d > 0).map(|d| (d, i + 1))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '至' | '到')
}

/// Months: 1-7月, 1—7月, 1至7月, 一至三月.
fn months(chars: &[char], i: usize) -> Option<TimeMark> {
    let (a, j) = month_num(chars, i)?;
    if !chars.get(j).is_some_and(|&c| is_dash(c)) {
        return None;
    }
    let (b, k) = month_num(chars, j + 1)?;
    (chars.get(k) == Some(&'月') && a >= 1 && a < b && b <= 12).then(|| TimeMark {
        start: i,
        end: k + 1,
        what: TimeWhat::Part(format!("M{a}-M{b}")),
    })
}

/// Time words (as characters) and what they mean, in the order they are tried,
/// and the characters they start with.
struct TimeWords {
    words: Vec<(Vec<char>, TimeWhat)>,
    firsts: Vec<char>,
}

fn time_words() -> &'static TimeWords {
    static WORDS: OnceLock<TimeWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words: Vec<(Vec<char>, TimeWhat)> = [
            ("上半年", TimeWhat::Part("H1".into())),
            ("下半年", TimeWhat::Part("H2".into())),
            ("前三季度", TimeWhat::Part("Q1-Q3".into())),
            ("第一季度", TimeWhat::Part("Q1".into())),
            ("一季度", TimeWhat::Part("Q1".into())),
            ("第二季度", TimeWhat::Part("Q2".into())),
            ("二季度", TimeWhat::Part("Q2".into())),
            ("第三季度", TimeWhat::Part("Q3".into())),
            ("三季度", TimeWhat::Part("Q3".into())),
            ("第四季度", TimeWhat::Part("Q4".into())),
            ("四季度", TimeWhat::Part("Q4".into())),
            ("全年", TimeWhat::WholeYear),
            ("今年", TimeWhat::Relative(0)),
            ("本年", TimeWhat::Relative(0)),
            ("去年", TimeWhat::Relative(-1)),
            ("上年", TimeWhat::Relative(-1)),
            ("明年", TimeWhat::Relative(1)),
            ("过去五年", TimeWhat::ReviewSpan),
            ("五年来", TimeWhat::ReviewSpan),
            ("今后五年", TimeWhat::PlanSpan),
            ("未来五年", TimeWhat::PlanSpan),
        ]
        .into_iter()
        .map(|(w, what)| (w.chars().collect(), what))
        .collect();
        let mut firsts: Vec<char> = words.iter().map(|(w, _)| w[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        TimeWords { words, firsts }
    })
}

/// Every time expression in `chars` (simplified), left to right.
pub fn scan(chars: &[char]) -> Vec<TimeMark> {
    let words = time_words();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // Four-digit years, possibly a span 2016—2020年 / 2016-2020年.
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j - i == 4 {
                let y: i32 = chars[i..j].iter().collect::<String>().parse().unwrap_or(0);
                if (1949..=2100).contains(&y) {
                    if chars.get(j) == Some(&'年') {
                        let of = chars.get(j + 1) == Some(&'的');
                        out.push(TimeMark {
                            start: i,
                            end: j + 1,
                            what: TimeWhat::Year { year: y, of },
                        });
                        i = j + 1;
                        continue;
                    }
                    if chars.get(j).is_some_and(|&c| is_dash(c)) {
                        let k = j + 1;
                        let mut m = k;
                        while m < chars.len() && chars[m].is_ascii_digit() {
                            m += 1;
                        }
                        if m - k == 4 && chars.get(m) == Some(&'年') {
                            let e: i32 =
                                chars[k..m].iter().collect::<String>().parse().unwrap_or(0);
                            if e > y && e - y < 20 {
                                out.push(TimeMark {
                                    start: i,
                                    end: m + 1,
                                    what: TimeWhat::Span(Period { start: y, end: e }),
                                });
                                i = m + 1;
                                continue;
                            }
                        }
                    }
                }
            }
            if let Some(m) = months(chars, i) {
                i = m.end;
                out.push(m);
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        if cn_small(chars[i]).is_some() {
            if let Some(m) = months(chars, i) {
                i = m.end;
                out.push(m);
                continue;
            }
        }
        // 十三五 / 十四五 (期间|时期|规划)
        if chars[i] == '十' {
            if let (Some(d), Some('五')) = (
                chars.get(i + 1).and_then(|&c| cn_small(c)),
                chars.get(i + 2).copied(),
            ) {
                if let Some(p) = five_year_plan(10 + d) {
                    out.push(TimeMark {
                        start: i,
                        end: i + 3,
                        what: TimeWhat::Span(p),
                    });
                    i += 3;
                    continue;
                }
            }
        }
        let word = if words.firsts.contains(&chars[i]) {
            words.words.iter().find(|(w, _)| chars[i..].starts_with(w))
        } else {
            None
        };
        if let Some((w, what)) = word {
            // 比上年增长 / 较上年: a comparison base, not the figure's year.
            let compare = matches!(what, TimeWhat::Relative(-1))
                && i > 0
                && matches!(chars[i - 1], '比' | '较' | '于');
            if !compare {
                out.push(TimeMark {
                    start: i,
                    end: i + w.len(),
                    what: what.clone(),
                });
            }
            i += w.len();
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whats(s: &str) -> Vec<TimeWhat> {
        let c: Vec<char> = s.chars().collect();
        scan(&c).into_iter().map(|m| m.what).collect()
    }

    #[test]
    fn years_and_spans() {
        assert_eq!(
            whats("由2015年的1708亿元增至2020年的2375亿元"),
            vec![
                TimeWhat::Year {
                    year: 2015,
                    of: true
                },
                TimeWhat::Year {
                    year: 2020,
                    of: true
                }
            ]
        );
        assert_eq!(
            whats("方案(2013—2015年)"),
            vec![TimeWhat::Span(Period {
                start: 2013,
                end: 2015
            })]
        );
        assert_eq!(
            whats("十三五期间"),
            vec![TimeWhat::Span(Period {
                start: 2016,
                end: 2020
            })]
        );
        assert_eq!(
            five_year_plan(14),
            Some(Period {
                start: 2021,
                end: 2025
            })
        );
    }

    #[test]
    fn parts_of_the_year() {
        assert_eq!(
            whats("今年1-7月"),
            vec![TimeWhat::Relative(0), TimeWhat::Part("M1-M7".into())]
        );
        assert_eq!(whats("1—7月"), vec![TimeWhat::Part("M1-M7".into())]);
        assert_eq!(whats("一至三月"), vec![TimeWhat::Part("M1-M3".into())]);
        assert_eq!(whats("上半年"), vec![TimeWhat::Part("H1".into())]);
        assert_eq!(whats("前三季度"), vec![TimeWhat::Part("Q1-Q3".into())]);
        assert_eq!(whats("比上年增长"), vec![]);
    }
}
