//! What a PDF's text layer does to Chinese, undone before anything reads the
//! text. Fonts that name their glyphs by radical put the Kangxi Radicals and
//! CJK Radicals Supplement code points where the ideographs belong (`⼯作报告`
//! with U+2F2F for 工, `省⻓` with U+2ED3 for 长): they look the same and match
//! nothing. A two-em dash (`⸺`) stands for the `——` a dateline opens with.
//! And a justified line comes out with a space between every two characters
//! (`以丰补 歉 , ⻝ 品 、 ⽯ 化`).
//!
//! Owns those three only; page numbers, running heads and lines broken at the
//! page's measure are lines, and `structure` mends them.

use crate::model::Script;
use crate::terms::is_ideograph;
use std::borrow::Cow;

/// The unified ideograph each CJK Radicals Supplement code point (U+2E80 on)
/// stands for, `\0` where none does: the Unicode Character Database's
/// `EquivalentUnifiedIdeograph.txt` (14.0).
const SUPPLEMENT: [&str; 4] = [
    "\u{0}厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵\u{0}旡日月",
    "歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿",
    "肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦",
    "页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
];

/// The ideograph each Kangxi Radicals code point (U+2F00 on) stands for: its
/// compatibility decomposition (NFKC), which `EquivalentUnifiedIdeograph.txt`
/// gives too.
const KANGXI: [&str; 8] = [
    "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口",
    "囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳",
    "心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿",
    "片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸",
    "缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷",
    "豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音",
    "頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊",
    "齒龍龜龠",
];

/// The table `SUPPLEMENT` or `KANGXI` as one character per code point.
fn table(parts: &[&str]) -> Vec<char> {
    parts.iter().flat_map(|p| p.chars()).collect()
}

/// The ideograph a radical code point stands for, if it is one that does.
pub fn unradical(c: char) -> Option<char> {
    use std::sync::OnceLock;
    static T: OnceLock<(Vec<char>, Vec<char>)> = OnceLock::new();
    // (Asked of every character: the tables are touched only in their ranges.)
    let u = c as usize;
    let (kangxi, at) = match u {
        0x2E80..=0x2EFF => (false, u - 0x2E80),
        0x2F00..=0x2FDF => (true, u - 0x2F00),
        _ => return None,
    };
    let (sup, kx) = T.get_or_init(|| (table(&SUPPLEMENT), table(&KANGXI)));
    let found = if kangxi { kx.get(at) } else { sup.get(at) };
    found.copied().filter(|&c| c != '\0')
}

/// How wide `c` is set, in half-ems: an ideograph or any other Chinese
/// character or mark two, a Latin letter, figure, space or a figure's sign one.
/// ASCII marks such as `,` `:` `(` count two: folded text got them from the
/// full-width marks a Chinese page sets (`，` `：` `（`).
fn half_ems_of(c: char) -> u32 {
    match c {
        _ if c.is_ascii_alphanumeric() => 1,
        ' ' | '.' | '%' | '-' | '+' | '/' | '\'' | '"' => 1,
        '\u{c}' | '\r' | '\n' => 0,
        // The two- and three-em dashes (`⸺` for a dateline's `——`).
        '\u{2E3A}' => 4,
        '\u{2E3B}' => 6,
        _ => 2,
    }
}

/// The width of a line as set, in half-ems (a figure or Latin letter one, any
/// other character two): its indent and its characters. Whitespace inside it
/// counts nothing: a justified line's spaces and tabs (`补 歉 ， ⻝ 品`) stretch
/// it to the measure its characters nearly fill.
pub fn half_ems(line: &str) -> u32 {
    let text = line.trim_start();
    let indent = &line[..line.len() - text.len()];
    let mut n: u32 = indent.chars().map(half_ems_of).sum();
    for (i, &b) in text.as_bytes().iter().enumerate() {
        n += match BYTE_WIDTHS[b as usize] {
            DECODE => text[i..]
                .chars()
                .next()
                .map_or(0, |c| match c.is_whitespace() {
                    true => 0,
                    false => half_ems_of(c),
                }),
            w => u32::from(w),
        };
    }
    n
}

/// In [`BYTE_WIDTHS`]: a lead byte whose character is to be decoded.
const DECODE: u8 = u8::MAX;

/// What each byte of a line's text after its indent adds to [`half_ems`], read
/// by the byte (asked of every line of a report): an ASCII character its width
/// ([`half_ems_of`]; whitespace nothing), a continuation byte nothing, and the
/// character a lead byte starts two, but for the leads `C2` (U+0080–U+00BF) and
/// `E1`–`E3` (U+1000–U+3FFF), the only ones that start whitespace or a long
/// dash: their characters are decoded.
const BYTE_WIDTHS: [u8; 256] = {
    let mut t = [2; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8 as char;
        t[b] = match c {
            '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' => 0,
            _ if c.is_ascii_alphanumeric() => 1,
            '.' | '%' | '-' | '+' | '/' | '\'' | '"' => 1,
            _ => 2,
        };
        b += 1;
    }
    while b < 0xC0 {
        t[b] = 0;
        b += 1;
    }
    t[0xC2] = DECODE;
    t[0xE1] = DECODE;
    t[0xE2] = DECODE;
    t[0xE3] = DECODE;
    t
};

/// Fewest spaces in a row, each between two characters of Chinese text, that
/// show a justified line's spacing rather than a writer's (`区长 贺海涛`, a name
/// spaced out as `范 德 繁`).
const SPACED_RUN: usize = 4;

/// A character of Chinese text as a justified line spaces it: an ideograph, or
/// a Chinese or full-width mark.
fn is_chinese_text(c: char) -> bool {
    is_ideograph(c)
        || unradical(c).is_some()
        || ('\u{3001}'..='\u{303F}').contains(&c)
        || ('\u{FF01}'..='\u{FF65}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// A Chinese mark that closes what comes before it: no space stands before one.
/// (Asked of every character: a `match`, not a search of a string.)
fn closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '！' | '？' | '”' | '’' | '）' | '》' | '」' | '』'
    )
}

/// A Chinese mark that opens what comes after it: no space stands after one.
fn opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '（' | '《' | '「' | '『')
}

/// A Chinese mark that closes or opens.
fn mark(c: char) -> bool {
    closing(c) || opening(c)
}

/// A unit a justified line spaces: a character of Chinese text, or a figure or
/// Latin word (`3874`, `23.5%`); its end, from `i`.
fn unit(chars: &[char], i: usize) -> Option<(usize, bool)> {
    let c = *chars.get(i)?;
    if is_chinese_text(c) {
        return Some((i + 1, true));
    }
    let word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
    if c.is_ascii_alphanumeric() {
        let n = chars[i..].iter().take_while(|&&c| word(c)).count();
        return Some((i + n, false));
    }
    None
}

/// The whitespace a PDF's text layer put inside Chinese text: the single spaces
/// of a justified line's runs ([`SPACED_RUN`] spaces at least, between units
/// one of which is Chinese each time, a Chinese mark among them: a name list's
/// `王 伟 李 强` is a writer's); a space before a closing mark or after an
/// opening one; a tab between two Chinese marks (`“三保”\t、`: a table's cells
/// set apart by tabs keep them).
fn layer_spaces(chars: &[char]) -> Vec<bool> {
    let mut drop = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        // Units are tiled from each line's start, and spaced only where a
        // space follows one: a line without a space is passed over whole.
        if i == 0 || chars[i - 1] == '\n' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |n| i + n);
            if !chars[i..end].contains(&' ') {
                i = end + 1;
                continue;
            }
        }
        let mut spaces = Vec::new();
        let mut marked = false;
        let mut at = i;
        while let Some((end, chinese)) = unit(chars, at) {
            marked |= mark(chars[at]);
            let next = match chars.get(end) {
                Some(' ') => unit(chars, end + 1),
                _ => None,
            };
            match next {
                Some((_, other)) if chinese || other => {
                    spaces.push(end);
                    at = end + 1;
                }
                _ => {
                    at = end;
                    break;
                }
            }
        }
        if spaces.len() >= SPACED_RUN && marked {
            for s in spaces {
                drop[s] = true;
            }
        }
        i = at.max(i + 1);
    }
    for (k, w) in chars.windows(3).enumerate() {
        let (a, gap, b) = (w[0], w[1], w[2]);
        if gap != ' ' && gap != '\t' {
            continue;
        }
        let inside = !a.is_whitespace() && !b.is_whitespace();
        let marked = closing(b) || opening(a);
        let tab = gap == '\t' && mark(a) && mark(b);
        if inside && ((gap == ' ' && marked) || tab) {
            drop[k + 1] = true;
        }
    }
    drop
}

/// The ideograph a radical stands for in a document in `script`: the glyphs of
/// 户 and 戶, 青 and 靑, 黄 and 黃 are one, and a simplified page's font names
/// them by the Kangxi radical whose ideograph is the traditional form.
fn unradical_in(c: char, script: Script) -> Option<char> {
    let i = unradical(c)?;
    Some(match (script, i) {
        (Script::Simplified, '戶') => '户',
        (Script::Simplified, '靑') => '青',
        (Script::Simplified, '黃') => '黄',
        _ => i,
    })
}

/// `raw` (in `script`) with radicals as the ideographs they stand for, two- and
/// three-em dashes as `——` and `———`, and the whitespace a PDF's text layer put
/// inside Chinese text taken out; borrowed when there is none of these.
pub fn mend(raw: &str, script: Script) -> Cow<'_, str> {
    let chars: Vec<char> = raw.chars().collect();
    match mended(&chars, script) {
        Some(out) => Cow::Owned(out.into_iter().collect()),
        None => Cow::Borrowed(raw),
    }
}

/// [`mend`] for text already split into characters, which repair reads it as
/// anyway: one split rather than two.
pub fn mend_chars(chars: Vec<char>, script: Script) -> Vec<char> {
    mended(&chars, script).unwrap_or(chars)
}

/// `chars` mended as [`mend`] says, `None` when there is nothing to mend.
fn mended(chars: &[char], script: Script) -> Option<Vec<char>> {
    let odd = |c: char| matches!(c as u32, 0x2E3A | 0x2E3B | 0x2E80..=0x2FDF);
    let drop = layer_spaces(chars);
    if !drop.contains(&true) && !chars.iter().any(|&c| odd(c)) {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len());
    for (&c, &d) in chars.iter().zip(&drop) {
        match c {
            _ if d => {}
            '\u{2E3A}' => out.extend(['—'; 2]),
            '\u{2E3B}' => out.extend(['—'; 3]),
            _ => out.push(unradical_in(c, script).unwrap_or(c)),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mend_s(raw: &str) -> Cow<'_, str> {
        mend(raw, Script::Simplified)
    }

    #[test]
    fn a_line_s_width_read_by_the_byte_is_its_characters_width() {
        let by_chars = |line: &str| {
            let text = line.trim_start();
            let indent = &line[..line.len() - text.len()];
            let inside = text.chars().filter(|c| !c.is_whitespace());
            indent.chars().chain(inside).map(half_ems_of).sum::<u32>()
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for line in [format!("a{c}b"), format!("{c}\u{3000}{c} 中{c}")] {
                assert_eq!(half_ems(&line), by_chars(&line), "{c:?}");
            }
        }
        assert_eq!(half_ems("\u{3000}\u{3000}2024年 工作\t报告⸺"), 22);
    }

    #[test]
    fn radicals_read_as_the_ideographs_they_stand_for() {
        // One glyph, two characters: the script says which.
        assert_eq!(mend_s("358\u{2F3E}"), "358户");
        assert_eq!(mend("358\u{2F3E}", Script::Traditional), "358戶");
        assert_eq!(
            mend_s("2026年吉林省政府⼯作报告"),
            "2026年吉林省政府工作报告"
        );
        assert_eq!(mend_s("省⻓ 胡⽟亭"), "省长 胡玉亭");
        assert_eq!(mend_s("⼈⺠代表⼤会"), "人民代表大会");
        assert_eq!(mend_s("⻝品、⻋型、⻅效、⻔户"), "食品、车型、见效、门户");
        assert_eq!(mend_s("⸺2026年1⽉27⽇"), "——2026年1月27日");
        // Every radical that stands for an ideograph gives one.
        for u in (0x2E80..=0x2EF3).chain(0x2F00..=0x2FD5) {
            let c = char::from_u32(u).unwrap();
            if let Some(i) = unradical(c) {
                assert!(is_ideograph(i) || (i as u32) >= 0x20000, "{c} {i}");
            }
        }
        assert_eq!(unradical('\u{2E80}'), None);
        assert_eq!(unradical('长'), None);
    }

    #[test]
    fn a_justified_line_s_spaces_close_up_a_writer_s_stay() {
        assert_eq!(
            mend_s("以丰补 歉 ， ⻝ 品 、 ⽯ 化 、 医 药 等 产 业 增 加 值 分 别 增 ⻓7.5%"),
            "以丰补歉，食品、石化、医药等产业增加值分别增长7.5%"
        );
        for kept in [
            "区长 贺海涛",
            "范 德 繁",
            "委员:王 伟 李 强 张 敏 刘 洋",
            "政 府 工 作 报 告",
            "2024 年 1 月 30 日",
            "下载 打印 全屏 收藏",
            "大 中 小",
            "现在, 我代表区人民政府 向大会 作工作报告",
        ] {
            assert!(matches!(mend_s(kept), Cow::Borrowed(_)), "{kept}");
        }
        // Figures among the spaced characters; spaces and tabs around marks.
        assert_eq!(
            mend_s("优 质 品 种 3874 万 亩 、 增 ⻓ 23.5% 。 实 施"),
            "优质品种3874万亩、增长23.5%。实施"
        );
        assert_eq!(mend_s("增长 23.5% 。"), "增长 23.5%。");
        assert_eq!(
            mend_s("加强“双一流”\t“双特色”\t，实现“三增长”\t。"),
            "加强“双一流”“双特色”，实现“三增长”。"
        );
        assert!(matches!(mend_s("We are the best of all"), Cow::Borrowed(_)));
        assert!(matches!(mend_s("现在, 我代表"), Cow::Borrowed(_)));
        // A table's cells stay apart.
        for cells in [
            "指标\t2025年\t增长",
            "地区生产总值（亿元）\t3874",
            "指标\t“十四五”目标",
        ] {
            assert!(matches!(mend_s(cells), Cow::Borrowed(_)), "{cells}");
        }
    }
}
