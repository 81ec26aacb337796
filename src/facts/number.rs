//! Numerals as Chinese statistical prose writes them: Arabic (`1,488`, `1488.5`,
//! `1 488`), Chinese (`一千二百`, `两`, `七点五`, `千亿`), fractions (`三分之一`)
//! and spelled-out percentages (`百分之七点五`).
//!
//! Owns only the reading of a numeral and where it sits in the text; what it
//! counts (its unit) is `units`, what it means is `extract`. Works on `char`
//! slices so that every position is a character offset into the sentence.

/// One numeral found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Character offsets of the numeral as written, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Written in Chinese characters rather than Arabic digits.
    pub chinese: bool,
    /// How it was written as a ratio, when it was: `百分之X` or `X分之Y`.
    pub form: NumForm,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumForm {
    Plain,
    /// 百分之七点五: a percentage without a `%` sign.
    PercentWords,
    /// 三分之一: a fraction, value in 0..=1.
    Fraction,
}

pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_small_unit(c: char) -> Option<f64> {
    match c {
        '十' | '拾' => Some(10.0),
        '百' | '佰' => Some(100.0),
        '千' | '仟' => Some(1000.0),
        _ => None,
    }
}

/// Whether `c` can be part of a Chinese numeral (`万`/`亿` included: the caller
/// decides whether a trailing one is a unit prefix).
pub fn is_cn_num_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || matches!(c, '万' | '萬' | '亿' | '億')
}

/// Reads a Chinese numeral (`一千二百`, `十三`, `两`, `三万五千`, `七点五`).
/// Returns `None` for strings that are not one number (`十三五`, `一二`).
pub fn parse_chinese(s: &str) -> Option<f64> {
    let (int_part, frac_part) = match s.split_once(['点', '點']) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut value = parse_cn_integer(int_part)?;
    if let Some(f) = frac_part {
        if f.is_empty() {
            return None;
        }
        let mut scale = 0.1;
        for c in f.chars() {
            value += cn_digit(c)? as f64 * scale;
            scale /= 10.0;
        }
    }
    Some(value)
}

fn parse_cn_integer(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    // A bare run of digits (二〇一三) is a year or a code, not a quantity, except a
    // single digit.
    if chars.len() > 1 && chars.iter().all(|&c| cn_digit(c).is_some()) {
        return None;
    }
    let mut total = 0.0; // completed 亿 groups
    let mut section = 0.0; // completed 万 group within the current 亿 group
    let mut small = 0.0; // below 万
    let mut digit: Option<u32> = None;
    let mut last_small_unit = f64::INFINITY;
    for &c in &chars {
        if let Some(d) = cn_digit(c) {
            if digit.is_some_and(|p| p != 0) {
                return None; // two digits in a row: 十三五, 一二 (but 一百零五)
            }
            digit = Some(d);
        } else if let Some(u) = cn_small_unit(c) {
            if u >= last_small_unit {
                return None;
            }
            last_small_unit = u;
            small += digit.take().unwrap_or(1) as f64 * u;
        } else if matches!(c, '万' | '萬') {
            small += digit.take().unwrap_or(0) as f64;
            if small == 0.0 {
                return None;
            }
            section += small * 1e4;
            small = 0.0;
            last_small_unit = f64::INFINITY;
        } else if matches!(c, '亿' | '億') {
            small += digit.take().unwrap_or(0) as f64;
            let group = section + small;
            if group == 0.0 {
                return None;
            }
            total += group * 1e8;
            section = 0.0;
            small = 0.0;
            last_small_unit = f64::INFINITY;
        } else {
            return None;
        }
    }
    small += digit.unwrap_or(0) as f64;
    Some(total + section + small)
}

/// Reads an Arabic numeral at `i`: digits with `,` or a space between groups of
/// three, and a decimal part. Returns the value and the end offset.
pub fn read_arabic(chars: &[char], i: usize) -> Option<(f64, usize)> {
    if !chars.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut j = i;
    let mut digits = String::new();
    let mut group = 0usize;
    loop {
        while j < chars.len() && chars[j].is_ascii_digit() {
            digits.push(chars[j]);
            group += 1;
            j += 1;
        }
        // Thousands separator: exactly three digits follow, then no digit.
        let sep = chars.get(j).copied();
        if matches!(sep, Some(',') | Some(' '))
            && (sep == Some(',') || group <= 3)
            && (1..=3).all(|k| chars.get(j + k).is_some_and(|c| c.is_ascii_digit()))
            && !chars.get(j + 4).is_some_and(|c| c.is_ascii_digit())
        {
            j += 1;
            group = 0;
            continue;
        }
        break;
    }
    if chars.get(j) == Some(&'.') && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
        digits.push('.');
        j += 1;
        while j < chars.len() && chars[j].is_ascii_digit() {
            digits.push(chars[j]);
            j += 1;
        }
    }
    digits.parse().ok().map(|v| (v, j))
}

/// Every numeral in `chars`, left to right, not overlapping. Chinese numerals
/// are returned only where they parse as one number; whether a numeral is a
/// quantity at all is for the caller to decide.
pub fn scan(chars: &[char]) -> Vec<Numeral> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'))
        {
            if let Some((mut value, mut end)) = read_arabic(chars, i) {
                // Figures with a Chinese multiplier (`9千亿元` = 9000亿元, `3千万人`);
                // not a unit's prefix (`5千米`, `2千瓦`).
                let times = match chars.get(end) {
                    Some('千' | '仟') => 1000.0,
                    Some('百' | '佰') => 100.0,
                    _ => 1.0,
                };
                // Nor the 百 of a percentage point (`0.5百分点`).
                let prefix = chars
                    .get(end + 1)
                    .is_some_and(|c| "米克瓦伏焦帕卡赫分".contains(*c));
                if times > 1.0 && !prefix {
                    value *= times;
                    end += 1;
                }
                out.push(Numeral {
                    value,
                    start: i,
                    end,
                    chinese: false,
                    form: NumForm::Plain,
                });
                i = end;
                continue;
            }
        }
        // 百分之七点五 / 百分之7.5
        if starts_with(chars, i, "百分之") {
            let k = i + 3;
            if let Some((v, end)) = read_any(chars, k) {
                out.push(Numeral {
                    value: v,
                    start: i,
                    end,
                    chinese: true,
                    form: NumForm::PercentWords,
                });
                i = end;
                continue;
            }
        }
        if is_cn_num_char(c) || c == '点' || c == '點' {
            let mut j = i;
            while j < chars.len()
                && (is_cn_num_char(chars[j])
                    || (matches!(chars[j], '点' | '點')
                        && j > i
                        && chars.get(j + 1).is_some_and(|&d| cn_digit(d).is_some())))
            {
                j += 1;
            }
            if j == i {
                i += 1;
                continue;
            }
            // X分之Y
            if starts_with(chars, j, "分之") {
                let den: String = chars[i..j].iter().collect();
                if let (Some(d), Some((n, end))) = (parse_chinese(&den), read_cn(chars, j + 2)) {
                    if d > 0.0 && n <= d {
                        out.push(Numeral {
                            value: n / d,
                            start: i,
                            end,
                            chinese: true,
                            form: NumForm::Fraction,
                        });
                        i = end;
                        continue;
                    }
                }
            }
            // A trailing 万/亿 belongs to the unit (一千二百万元 = 一千二百 万元), as it
            // does after Arabic digits (1.9亿元).
            let mut end = j;
            while end > i && matches!(chars[end - 1], '万' | '萬' | '亿' | '億') {
                end -= 1;
            }
            if end > i {
                let s: String = chars[i..end].iter().collect();
                if let Some(v) = parse_chinese(&s) {
                    out.push(Numeral {
                        value: v,
                        start: i,
                        end,
                        chinese: true,
                        form: NumForm::Plain,
                    });
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn read_cn(chars: &[char], i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    while j < chars.len()
        && (is_cn_num_char(chars[j])
            || (matches!(chars[j], '点' | '點')
                && chars.get(j + 1).is_some_and(|&d| cn_digit(d).is_some())))
    {
        j += 1;
    }
    // Do not swallow a unit prefix after the numeral.
    while j > i && matches!(chars[j - 1], '万' | '萬' | '亿' | '億') {
        j -= 1;
    }
    if j == i {
        return None;
    }
    let s: String = chars[i..j].iter().collect();
    parse_chinese(&s).map(|v| (v, j))
}

fn read_any(chars: &[char], i: usize) -> Option<(f64, usize)> {
    read_arabic(chars, i).or_else(|| read_cn(chars, i))
}

/// Whether `chars` from `i` on start with `pat`.
pub fn starts_with(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| chars.get(i + k) == Some(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<f64> {
        let c: Vec<char> = s.chars().collect();
        scan(&c).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn arabic_with_separators_and_decimals() {
        assert_eq!(values("完成1,488亿元"), vec![1488.0]);
        assert_eq!(values("完成1 488亿元"), vec![1488.0]);
        assert_eq!(values("1488.5亿元"), vec![1488.5]);
        assert_eq!(values("1.9亿元和2.3万户"), vec![1.9, 2.3]);
        // A comma between clauses is not a thousands separator.
        assert_eq!(values("增长9,10个"), vec![9.0, 10.0]);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("一千二百"), Some(1200.0));
        assert_eq!(parse_chinese("两"), Some(2.0));
        assert_eq!(parse_chinese("十三"), Some(13.0));
        assert_eq!(parse_chinese("三万五千"), Some(35000.0));
        assert_eq!(parse_chinese("七点五"), Some(7.5));
        assert_eq!(parse_chinese("一百零五"), Some(105.0));
        assert_eq!(parse_chinese("十三五"), None);
        assert_eq!(parse_chinese("二〇一三"), None);
        assert_eq!(values("投入一千二百万元"), vec![1200.0]);
        assert_eq!(values("迈向千亿级"), vec![1000.0]);
        assert_eq!(values("突破9千亿元、3万亿元"), vec![9000.0, 3.0]);
        assert_eq!(values("达到3千万人"), vec![3000.0]);
        assert_eq!(values("下降0.5百分点")[0], 0.5);
    }

    #[test]
    fn fractions_and_spelled_percentages() {
        let c: Vec<char> = "占三分之一,增长百分之七点五".chars().collect();
        let n = scan(&c);
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].form, NumForm::Fraction);
        assert!((n[0].value - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(n[1].form, NumForm::PercentWords);
        assert_eq!(n[1].value, 7.5);
    }
}
