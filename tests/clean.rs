//! Character-level repair on the seed reports: pinyin, mojibake, lost chars, script.

use baogao::clean::mojibake::{damage, unfold_marks};
use baogao::clean::{detect_script, line_scorer, pdf, pinyin, repair, to_simplified};
use baogao::model::{fold_width, MarkKind, Script, UNKNOWN_CHAR};
use baogao::terms::is_ideograph;
use proptest::prelude::*;

mod common;

fn seed(prefix: &str) -> String {
    std::fs::read_to_string(common::seed_path(prefix)).unwrap()
}

/// Annotations still in a text: `(` + tone-marked syllables + `)` after a CJK char.
fn annotations_left(text: &str) -> usize {
    let cs: Vec<char> = text.chars().collect();
    pinyin::count_toned(&cs)
}

#[test]
fn seeds_example_is_damaged_as_described() {
    assert_eq!(
        damage("　（一）強化“時尚羅湖”品牌營銷"),
        "?。ㄒ唬娀皶r尚羅湖”品牌營銷"
    );
}

#[test]
fn seeds_example_is_repaired_or_marked() {
    let body = "　（一）強化“時尚羅湖”品牌營銷。培育一批消費龍頭企業,強化品牌。";
    let c = repair(&format!(
        "{}\n{}",
        "強化“時尚羅湖”品牌營銷,培育企業。",
        damage(body)
    ));
    let line = c.text.lines().nth(1).unwrap();
    let want: String = body.chars().map(fold_width).collect();
    assert_eq!(line.chars().count(), want.chars().count(), "{line}");
    for (got, exp) in line.chars().zip(want.chars()) {
        assert!(got == exp || got == UNKNOWN_CHAR, "{line}");
    }
    assert!(line.starts_with(" (一"), "{line}");
    assert_eq!(c.repairs.mojibake_runs, 1);
}

/// A paragraph opening with 區 (`85 5E`) loses its indent's first byte, the pair
/// of the indent's second byte and 區's lead is dropped, and only `?^` is left:
/// a run of no characters, its trail byte ASCII. Read, not left as garbage.
#[test]
fn a_run_of_one_ascii_trail_byte_is_read() {
    let body = "　區政府實事求是,與時俱進,開拓創新。";
    assert!(damage(body).starts_with("?^政府"), "{}", damage(body));
    let c = repair(&format!(
        "區委區政府高度重視民生工作,區政府辦實事。\n{}\n?id=3 (not a run)",
        damage(body)
    ));
    let lines: Vec<&str> = c.text.lines().collect();
    assert_eq!(lines[1], " 區政府實事求是,與時俱進,開拓創新。");
    assert_eq!(lines[2], "?id=3 (not a run)");
    assert_eq!(c.repairs.mojibake_runs, 1);
    // Mid-line, a `?` before a Latin letter is a lost character at most.
    let c = repair("區委區政府高度重視民生工作。\n區政府高度重視?X光機采購工作。");
    assert_eq!(c.repairs.mojibake_runs, 0);
    assert!(c.text.ends_with("X光機采購工作。"), "{}", c.text);
}

/// A text without its pinyin annotations, as the character model reads it.
fn without_annotations(text: &str) -> String {
    let cs: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        if i > 0 && is_ideograph(cs[i - 1]) {
            if let Some(n) = pinyin::annotation_len(&cs, i, true) {
                i += n;
                continue;
            }
        }
        out.push(cs[i]);
        i += 1;
    }
    out
}

/// No line reads better as mojibake after repair: every line the cleaner changed
/// in 001 and 004 scores at least as well per character as the damaged line (its
/// annotations set aside), and cleaning the cleaned text finds no run again.
#[test]
fn no_line_reads_better_as_mojibake_after_repair() {
    for p in ["001", "004"] {
        let raw = seed(p);
        let c = repair(&raw);
        let score = line_scorer(&raw);
        let raw_lines: Vec<&str> = raw.lines().collect();
        let clean_lines: Vec<&str> = c.text.lines().collect();
        assert_eq!(raw_lines.len(), clean_lines.len(), "{p}: line breaks kept");
        let mut compared = 0;
        for (damaged, repaired) in raw_lines.iter().zip(&clean_lines) {
            let damaged: String = without_annotations(damaged)
                .chars()
                .map(fold_width)
                .collect();
            if damaged == *repaired {
                continue;
            }
            compared += 1;
            let (before, after) = (score(&damaged), score(repaired));
            assert!(
                after >= before,
                "{p}: reads worse after repair ({after:.2} < {before:.2} per char):\n  {damaged}\n  {repaired}"
            );
        }
        assert!(compared >= 5, "{p}: {compared} lines changed by repair");
        let again = repair(&c.text);
        assert_eq!(
            again.repairs.mojibake_runs, 0,
            "{p}: a run found after repair"
        );
    }
}

/// Where synthetic damage starts in a paragraph.
#[derive(Clone, Copy, PartialEq)]
enum Lost {
    /// The first byte of the paragraph's indent `　`.
    Indent,
    /// The first byte of the paragraph's first `。` that more prose follows.
    MidLine,
}

/// Damages every other paragraph of prose of the simplified seeds 002 and 003
/// (converted to traditional script when asked) exactly as SEEDS.md describes,
/// losing the byte `lost` says, repairs each document with its clean paragraphs
/// as context, and checks that a repaired paragraph of the right length equals
/// the original except where it says unknown, that most paragraphs have the
/// right length and most characters inside their runs come back, and that next
/// to no character the original line lacks appears (the damage is never left as
/// it was).
fn synthetic_damage(traditional: bool, lost: Lost) {
    let s2t =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap();
    let script = if traditional {
        "traditional"
    } else {
        "simplified"
    };
    let (mut paragraphs, mut same_length, mut chars, mut recovered) = (0, 0, 0usize, 0usize);
    let mut foreign = 0usize;
    for p in ["002", "003"] {
        let text = match traditional {
            true => s2t.convert(&seed(p)),
            false => seed(p),
        };
        let lines: Vec<&str> = text.lines().collect();
        let mut damaged_at = Vec::new();
        let mut doc = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            // Every other paragraph of prose: long enough, no `?` or `(` of its
            // own, and not opening with ASCII (that would put the stream back in
            // step at once, leaving a lone `?`, not a run).
            let prose = line.chars().filter(|&c| is_ideograph(c)).count() >= 12
                && !line.contains(['?', '(', '（'])
                && !line.trim_start().starts_with(|c: char| c.is_ascii());
            let body = line.trim_start();
            let cut = match lost {
                Lost::Indent => Some(0),
                Lost::MidLine => body.find('。').filter(|&k| {
                    let rest = &body[k + '。'.len_utf8()..];
                    rest.chars().take(8).filter(|&c| is_ideograph(c)).count() == 8
                }),
            };
            match cut {
                Some(k) if prose && i % 2 == 0 => {
                    damaged_at.push(i);
                    let (kept, gone) = body.split_at(k);
                    let indent = if lost == Lost::Indent { "\u{3000}" } else { "" };
                    doc.push(format!(
                        "{kept}{}",
                        damage(&format!("{indent}{}", unfold_marks(gone)))
                    ));
                }
                _ => doc.push(line.to_string()),
            }
        }
        let c = repair(&doc.join("\n"));
        let out: Vec<&str> = c.text.lines().collect();
        for &i in &damaged_at {
            paragraphs += 1;
            let indent = if lost == Lost::Indent { " " } else { "" };
            let want: String = format!("{indent}{}", lines[i].trim_start())
                .chars()
                .map(fold_width)
                .collect();
            let got = out[i];
            foreign += got
                .chars()
                .filter(|&g| g != UNKNOWN_CHAR && !want.contains(g))
                .count();
            // The run: from where the damaged line leaves the original to where
            // it is the original again.
            let head = doc[i]
                .chars()
                .zip(want.chars())
                .take_while(|(d, w)| d == w)
                .count();
            let kept = doc[i]
                .chars()
                .rev()
                .zip(want.chars().rev())
                .take_while(|(d, w)| d == w)
                .count();
            if got.chars().count() != want.chars().count() {
                eprintln!("{script} {p} line {i}: length differs:\n  {want}\n  {got}");
                continue;
            }
            same_length += 1;
            for (g, w) in got.chars().zip(want.chars()) {
                assert!(
                    g == w || g == UNKNOWN_CHAR,
                    "{script} {p} line {i}:\n  {want}\n  {got}"
                );
            }
            let run = want.chars().count().saturating_sub(kept + head);
            chars += run;
            recovered += got
                .chars()
                .zip(want.chars())
                .skip(head)
                .take(run)
                .filter(|(g, w)| g == w)
                .count();
        }
    }
    eprintln!(
        "synthetic damage, {script}, {}: {same_length} of {paragraphs} paragraphs the right length; \
         {recovered} of their {chars} characters inside runs recovered ({:.1}%); \
         {foreign} characters the original lacks",
        match lost {
            Lost::Indent => "paragraph start",
            Lost::MidLine => "mid-line",
        },
        recovered as f64 * 100.0 / chars.max(1) as f64
    );
    // Tenths that must come back. Inside a line every lead byte is as likely
    // lost, so a dropped pair hiding the run's first characters is tried only
    // after common leads: fewer come back there (measured: 8 of 10 paragraphs,
    // 77% of run characters; at paragraph starts 15 of 17, 92%).
    // Paragraphs, and characters inside their runs, in tenths (the characters'
    // share stood at 92% and 77% before the word model settled close calls).
    let (tenths, recovered_tenths) = match lost {
        Lost::Indent => (8, 9.5),
        Lost::MidLine => (7, 8.5),
    };
    assert!(
        same_length * 10 >= paragraphs * tenths,
        "{same_length} of {paragraphs}"
    );
    assert!(
        recovered as f64 * 10.0 >= chars as f64 * recovered_tenths,
        "{recovered} of {chars}"
    );
    assert!(foreign * 50 <= chars, "{foreign} foreign characters");
}

/// Synthetic damage on clean traditional-script paragraphs is undone, or marked
/// unknown where the model is not sure; most paragraphs and characters come back.
#[test]
fn synthetic_damage_is_undone_or_marked_traditional() {
    synthetic_damage(true, Lost::Indent);
}

/// The same with the byte lost inside a line, after a full stop: the run's
/// characters (some of them folded full-width marks) must not teach the
/// character model that they are text.
#[test]
fn synthetic_mid_line_damage_is_undone_or_marked_traditional() {
    synthetic_damage(true, Lost::MidLine);
}

/// The same on simplified script.
#[test]
#[ignore = "known gap: GB2312 trail bytes are all >= 0xA1, so a run in simplified text lasts until an ASCII byte (often the whole paragraph), and every 区 (C7 F8), 政 (D5 FE) or 府 (B8 AE) hides the next pair, so dropped pairs chain; the run is now read to its end part by part (long_runs_are_decoded_to_their_end), but with many characters unknown and paragraphs shorter than they were"]
fn synthetic_damage_is_undone_or_marked_simplified() {
    synthetic_damage(false, Lost::Indent);
}

#[test]
fn no_pinyin_left_in_traditional_seeds() {
    for p in ["001", "004"] {
        let c = repair(&seed(p));
        assert_eq!(annotations_left(&c.text), 0, "{p}");
        assert!(c.repairs.pinyin_removed > 1300, "{p}: {:?}", c.repairs);
    }
}

#[test]
fn genuine_parentheses_survive() {
    let s = "新增學位(含公辦園)1000個,獲評模範縣(市),方案(2013—2015年),GDP(GDP)與(PPP)項目,區(qū)";
    let c = repair(s);
    assert_eq!(
        c.text,
        "新增學位(含公辦園)1000個,獲評模範縣(市),方案(2013—2015年),GDP(GDP)與(PPP)項目,區"
    );
    assert_eq!(c.repairs.pinyin_removed, 1);
}

#[test]
fn mojibake_runs_found_in_traditional_seeds() {
    let c1 = repair(&seed("001"));
    let c4 = repair(&seed("004"));
    eprintln!("001 {:?}\n004 {:?}", c1.repairs, c4.repairs);
    assert!(c1.repairs.mojibake_runs >= 11, "{:?}", c1.repairs);
    assert!(c4.repairs.mojibake_runs >= 38, "{:?}", c4.repairs);
    assert!(
        c4.text.contains("\n (二)大力發展總部經濟"),
        "numbering back"
    );
    for c in [&c1, &c4] {
        assert!(c.marks.iter().any(|m| m.kind == MarkKind::Repaired));
    }
}

/// 004's level-2 headings `(一)`, `(二)` … run without a hole inside each part
/// `一、` … `八、`: the mojibake ate most of them and repair brings them back.
#[test]
fn numbering_is_contiguous_in_004() {
    let c = repair(&seed("004"));
    let nums = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut parts = 0;
    let mut want = 0;
    let mut seen = 0;
    for line in c.text.lines() {
        let t = line.trim_start();
        if nums.iter().any(|n| t.starts_with(&format!("{n}、"))) {
            parts += 1;
            want = 0;
            continue;
        }
        let Some(rest) = t.strip_prefix('(') else {
            continue;
        };
        let Some(i) = nums.iter().position(|n| rest.starts_with(&format!("{n})"))) else {
            continue;
        };
        assert_eq!(i, want, "part {parts}: {line}");
        want += 1;
        seen += 1;
    }
    assert_eq!(parts, 8);
    assert!(seen >= 35, "{seen} headings");
}

/// Every `(N)` and `N、` heading of the simplified seeds 000, 001 (repaired)
/// and 002, converted to traditional script and damaged whole from its indent,
/// comes back with its numeral, whatever pairs the damage dropped:
/// `　（六）擴大…` loses every pair but `。` before the ASCII trail of 擴
/// (`?。U大…`), and is read by the heading it must be, not by the character
/// model, which rarely sees `六)`; `　一、2013年…` ends its run at the lead
/// byte of `、`'s trail, which met the ASCII `2` (`?≤?2013年`).
#[test]
fn damaged_headings_come_back_with_their_numerals() {
    let s2t =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap();
    let (mut headings, mut back) = (0, 0);
    for p in ["000", "001", "002"] {
        let text = s2t.convert(&repair(&seed(p)).text);
        let mut want = Vec::new();
        let doc: Vec<String> = (text.lines().enumerate())
            .map(|(i, line)| {
                let body = line.trim_start();
                let sub = body.starts_with('(') && body.contains(')');
                let part = body.split_once('、').filter(|(n, _)| {
                    (1..=3).contains(&n.chars().count())
                        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
                });
                match (sub || part.is_some()) && !body.contains(['?', UNKNOWN_CHAR]) {
                    true => {
                        let head = match part {
                            Some((n, _)) => format!("{n}、"),
                            None => {
                                let head: String = body.chars().take_while(|&c| c != ')').collect();
                                format!("{head})")
                            }
                        };
                        want.push((i, head));
                        damage(&format!("\u{3000}{}", unfold_marks(body)))
                    }
                    false => line.to_string(),
                }
            })
            .collect();
        let out = repair(&doc.join("\n")).text;
        let lines: Vec<&str> = out.lines().collect();
        for (i, head) in want {
            headings += 1;
            let line = lines.get(i).copied().unwrap_or_default();
            match line.trim_start().starts_with(&head) {
                true => back += 1,
                false => eprintln!("{p} line {i}: {head} is {line}"),
            }
        }
    }
    eprintln!("{back} of {headings} damaged headings back");
    assert!(headings >= 20, "{headings}");
    assert!(back * 20 >= headings * 19, "{back} of {headings}");
}

#[test]
fn lost_char_is_marked_in_000() {
    let c = repair(&seed("000"));
    assert_eq!(
        c.text
            .matches(&format!("水贝{UNKNOWN_CHAR}中国珠宝指数"))
            .count(),
        2
    );
    assert_eq!(c.repairs.mojibake_runs, 0);
    assert_eq!(c.repairs.chars_unknown, 2);
}

#[test]
fn a_few_lost_characters_in_a_row_are_marked_and_a_row_of_marks_alone_is_left() {
    let u = UNKNOWN_CHAR;
    for script in [
        "今年我们完成了??项目,全区??建设加快。",
        "今年我們完成了??項目,全區??建設加快。",
    ] {
        let c = repair(script);
        assert_eq!(
            c.text.matches(&format!("{u}{u}")).count(),
            2,
            "{script}: {}",
            c.text
        );
        assert_eq!((c.repairs.chars_unknown, c.repairs.mojibake_runs), (4, 0));
    }
    // Three or four in a row, before more text than they are long.
    for (text, k) in [
        ("王???同志任区长。", 3),
        ("今年完成了????项目建设任务,全区经济加快发展。", 4),
    ] {
        let c = repair(text);
        assert_eq!(c.text, text.replace('?', &u.to_string()), "{text}");
        assert_eq!((c.repairs.chars_unknown, c.repairs.chars_recovered), (k, 0));
    }
    // A row of `?` with nothing known about its bytes is not read as a run,
    // nor is a long row between characters taken for lost ones.
    for text in [
        "区政府\n??????\n",
        "各位代表:????????他们",
        "??????他们是代表。",
        "各位代表:????????他们是全区人民的代表,全区经济平稳增长。",
    ] {
        let c = repair(text);
        assert_eq!(c.text, text);
        assert_eq!(
            c.repairs.chars_recovered + c.repairs.chars_unknown,
            0,
            "{text}"
        );
    }
    // A question mark after a question's particle stays.
    for text in [
        "这是为什么??我们要问。",
        "这样好吗?我们要问。",
        "去年做了啥?今年怎么干?",
        "责任在谁?在我们。",
    ] {
        assert_eq!(repair(text).text, text);
    }
}

/// A paragraph opening with a digit or a letter, damaged as SEEDS.md
/// describes: its indent's first byte is lost and its second, a lead byte
/// meeting an ASCII one, is dropped, so a lone `?` is all that is left of the
/// run. Before a digit it is the indent again; before an ideograph (a letter's
/// pair swallowed too) a lost character. Never a `?` left at a line's start.
#[test]
fn a_run_with_nothing_but_its_lost_byte_at_a_paragraph_start() {
    let lines = [
        "1.機非分離:機動車交通和非機動車交通分離,各行其道。",
        "2013年,全區地區生產總值增長9.5%。",
        "25.教育“四強區”:素質教育先行區、智慧教育創新區。",
    ];
    for line in lines {
        let (damaged, got) = repair_traditional_paragraph(line);
        assert!(damaged.starts_with('?'), "{damaged}");
        assert_eq!(got, format!(" {line}"), "{damaged}");
    }
    let (damaged, got) = repair_traditional_paragraph("A股上市企業達到20家。");
    assert_eq!(damaged, "?股上市企業達到20家。");
    assert_eq!(got, format!("{UNKNOWN_CHAR}股上市企業達到20家。"));
    // A `?` after a line's own indent is no paragraph's lost indent.
    let text = "區政府\n  ?1.附件\n";
    assert_eq!(repair(text).text, text);
}

/// Damage inside lines as pages gathered from the web show it, beyond the
/// seeds: a `。` whose first byte was lost, read back with the run after it;
/// a bullet the page could not show, a lost character before text left as it is.
#[test]
fn damage_inside_lines_and_lost_bullets_as_real_pages_show_them() {
    let c = repair("這些成績的取得既離不開群眾的理解支持,也離不開龍崗區廣大干部職工的共同努力?!睆堄聦?duì)近年來全區民生事業發(fā)展娓娓道來。");
    assert!(c.text.contains("共同努力。”張勇對近年來"), "{}", c.text);
    let c = repair("會上,區長就2019年工作情況和2020年工作任務作了政府工作報告?;仡?019年,在壓力和挑戰下,經濟指標強勁躍升。");
    assert!(c.text.contains("政府工作報告。回顧"), "{}", c.text);
    let page = "自身建設全面加強。\n? 提前兌現惠企政策資金1.7億元,減免企業稅費近60億元;\n? 新增“三高”企業87家。\n? 23個工作專班到一線駐點;";
    let c = repair(page);
    assert_eq!(c.text, page.replace('?', &UNKNOWN_CHAR.to_string()));
    assert_eq!(c.repairs.mojibake_runs, 0);
    // A paragraph indented twice: the second indent, folded to a space, stands
    // between the `?` and the run; it is a run still.
    let damaged = damage("　　（一）強化“時尚羅湖”品牌營銷");
    let damaged: String = damaged.chars().map(fold_width).collect();
    assert!(damaged.starts_with("? "), "{damaged}");
    let c = repair(&format!("前文。\n{damaged}"));
    assert_eq!(c.repairs.mojibake_runs, 1, "{}", c.text);
}

#[test]
fn a_paragraph_opening_with_a_mark_is_a_run_not_a_lost_bullet() {
    // The indent's second byte meets the lead of the mark that opens the
    // paragraph (`《`, `“`: the A1 row): the page shows `? ` and then garbage, as
    // a bullet the page could not show would show `? ` and then text.
    for line in [
        "　《政府工作報告》名詞解釋",
        "　“十四五”時期,全區經濟總量邁上新臺階。",
    ] {
        let damaged: String = damage(line).chars().map(fold_width).collect();
        assert!(damaged.starts_with("? "), "{damaged}");
        let c = repair(&format!("前文。\n{damaged}"));
        assert_eq!(c.repairs.mojibake_runs, 1, "{}", c.text);
        // The mark comes back, and the line's end (a short text gives the
        // decoder little to go on for the characters in between).
        let mark = line.chars().nth(1).unwrap();
        let repaired = c.text.lines().nth(1).unwrap().trim_start();
        assert!(repaired.starts_with(mark), "{} for {line}", c.text);
        let end: String = line.chars().skip(line.chars().count() - 2).collect();
        assert!(repaired.ends_with(&end), "{repaired}");
    }
}

#[test]
fn ascii_after_a_run_puts_the_stream_back_in_step() {
    // A space met by the last lead byte ends the run (`日期 :` reads `…掌 :`),
    // as a digit does; the line's date stays whole (the page's other keys, in
    // step after it, show how its ` : ` reads).
    let page = seed("002");
    let (head, rest) = page.split_once('\n').unwrap();
    let (line, rest) = rest.split_once('\n').unwrap();
    assert!(line.starts_with("信息提供日期 : 2015-02-27"), "{line}");
    let damaged = damage(&format!("　{line}"));
    assert!(damaged.contains(" : 2015-02-27"), "{damaged}");
    let c = repair(&format!("{head}\n{damaged}\n{rest}"));
    let second = c.text.lines().nth(1).unwrap();
    assert!(second.contains("信息提供日"), "{second}");
    assert!(second.contains(" : 2015-02-27 00:00来源"), "{second}");
    // A paragraph opening with a number: its indent lost whole, never decoded.
    let page = seed("003");
    let lines: Vec<&str> = page.lines().collect();
    assert_eq!(lines[2], "2017大干之年,各项重点工作深入推进");
    let damaged = damage(&format!("　{}", lines[2]));
    assert!(damaged.starts_with("?2017"), "{damaged}");
    let page = [&lines[..2], &[damaged.as_str()], &lines[3..]]
        .concat()
        .join("\n");
    let c = repair(&page);
    let third = c.text.lines().nth(2).unwrap();
    assert_eq!(third.trim_start(), lines[2]);
    assert_eq!(c.repairs.mojibake_runs, 1);
    // Two digits in a row are the stream in step, never a run's pairs: the
    // year after a run inside a line keeps its first digit.
    let line = "　完善《2017-2018年民生微实事项目规划》,切实解决一批群众的问题。";
    let damaged = damage(&unfold_marks(line));
    assert!(damaged.contains("2017-2018"), "{damaged}");
    let c = repair(&format!("前文。\n{damaged}"));
    assert!(c.text.contains("2017-2018年"), "{}", c.text);
}

#[test]
fn simplified_seeds_are_left_alone() {
    for p in ["002", "003"] {
        let raw = seed(p);
        let c = repair(&raw);
        let folded: String = raw.chars().map(fold_width).collect();
        assert_eq!(c.text, folded, "{p}");
    }
}

#[test]
fn scripts_detected() {
    for (p, s) in [
        ("000", Script::Simplified),
        ("001", Script::Traditional),
        ("002", Script::Simplified),
        ("003", Script::Simplified),
        ("004", Script::Traditional),
    ] {
        assert_eq!(detect_script(&seed(p)), s, "{p}");
    }
}

#[test]
fn phrases_convert_where_a_char_map_fails() {
    assert_eq!(to_simplified("疊加"), "叠加");
    assert_eq!(to_simplified("乾淨"), "干净");
    assert_eq!(to_simplified("頭髮"), "头发");
    assert_eq!(to_simplified("後來"), "后来");
    assert_eq!(to_simplified("發展"), "发展");
    assert_eq!(to_simplified("发展 2015年 GDP �"), "发展 2015年 GDP �");
}

proptest! {
    #[test]
    fn repair_never_panics(s in "\\PC{0,200}") {
        let _ = repair(&s);
    }

    /// Without a `?`, parenthesis or line break, repair only mends what a PDF's
    /// text layer did and folds widths.
    #[test]
    fn text_without_triggers_is_only_folded(s in "[^?(（\\n]{0,120}") {
        let c = repair(&s);
        let folded: String = pdf::mend(&s, detect_script(&s)).chars().map(fold_width).collect();
        prop_assert_eq!(c.text, folded);
    }

    /// Mending a PDF's text layer takes out whitespace and reads radicals and
    /// the long dashes as what they stand for; every other character stays.
    #[test]
    fn mending_a_pdf_s_text_takes_only_whitespace(s in "[ \t⺀-⿕⸺a-z0-9，。“”一-龥]{0,80}") {
        let read = |c: char| -> String {
            match c {
                '⸺' => "——".into(),
                _ => pdf::unradical(c).unwrap_or(c).to_string(),
            }
        };
        let mended: String = pdf::mend(&s, Script::Traditional)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let kept: String = s.chars().filter(|c| !c.is_whitespace()).map(read).collect();
        prop_assert_eq!(mended, kept);
    }
}

/// Prints every repaired or unknown span of 001 and 004 in context, the counts and
/// the time taken: `cargo test --test clean dump_repairs -- --ignored --nocapture`
/// (add `--release` for the speed figure).
#[test]
#[ignore = "diagnostic output"]
fn dump_repairs() {
    for p in ["001", "004"] {
        let raw = seed(p);
        let t = std::time::Instant::now();
        let c = repair(&raw);
        let el = t.elapsed();
        let cs: Vec<char> = c.text.chars().collect();
        for m in &c.marks {
            let (s, e) = (m.start as usize, m.end as usize);
            let ctx = |a: usize, b: usize| cs[a..b].iter().collect::<String>();
            eprintln!(
                "{p} {:?}\t{}[{}]{}",
                m.kind,
                ctx(s.saturating_sub(6), s),
                ctx(s, e),
                ctx(e, (e + 6).min(cs.len()))
            );
        }
        eprintln!("{p} {:?} in {:.0?}", c.repairs, el);
    }
}

/// A lone lost character (`?` between two CJK characters, as in 000's
/// `水贝?中国珠宝指数`) in clean traditional prose is marked unknown and the text
/// around it kept: the `?` does not open a run that rewrites its neighbours.
#[test]
fn lone_lost_chars_in_traditional_prose_are_only_marked() {
    let s2t =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap();
    let (mut lines_marked, mut changed) = (0, 0);
    for p in ["000", "002", "003"] {
        let text = s2t.convert(&seed(p));
        // A `?` after the 7th, 14th or 21st CJK character followed by another
        // in every long line without a `?` of its own.
        for nth in [7, 14, 21] {
            let lines: Vec<String> = text.lines().map(|l| lose_char(l, nth)).collect();
            let c = repair(&lines.join("\n"));
            for (damaged, got) in lines.iter().zip(c.text.lines()) {
                if !damaged.contains('?') {
                    continue;
                }
                lines_marked += 1;
                let want: String = damaged
                    .chars()
                    .map(|c| match c {
                        '?' => UNKNOWN_CHAR,
                        _ => fold_width(c),
                    })
                    .collect();
                if want != got {
                    changed += 1;
                    eprintln!("  {want}\n  {got}");
                }
            }
        }
    }
    eprintln!("{changed} of {lines_marked} lines changed beyond their lost character");
    assert!(lines_marked >= 100, "{lines_marked}");
    assert!(changed * 50 <= lines_marked, "{changed} of {lines_marked}");
}

/// A `?` opening an item after `、` or a quote after `“` is a lost character
/// too; one closing a question stays a question mark.
#[test]
fn a_lost_character_after_an_opening_mark_is_marked() {
    let c = repair("加固二期、?水灌区建设,推进“?水”工程。你知道吗?我们知道。");
    assert_eq!(
        c.text,
        format!(
            "加固二期、{UNKNOWN_CHAR}水灌区建设,推进“{UNKNOWN_CHAR}水”工程。你知道吗?我们知道。"
        )
    );
    assert_eq!(c.repairs.chars_unknown, 2);
}

/// `line` with a `?` after its `nth` CJK character that another follows, when it
/// is long and has no `?` of its own.
fn lose_char(line: &str, nth: usize) -> String {
    let cs: Vec<char> = line.chars().collect();
    let at = (0..cs.len())
        .filter(|&i| is_ideograph(cs[i]) && cs.get(i + 1).is_some_and(|&c| is_ideograph(c)))
        .nth(nth);
    match at {
        Some(i) if cs.len() > 30 && !line.contains('?') => {
            let mut s: String = cs[..=i].iter().collect();
            s.push('?');
            s.extend(&cs[i + 1..]);
            s
        }
        _ => line.to_string(),
    }
}

/// Writes every repair of the seeds and of synthetic damage (prose paragraphs of
/// every seed, all or every other, whole or from a third of the way in, in both
/// scripts) to the file
/// `$CLEAN_DUMP`, for checking that a change to the decoder leaves its output as it
/// was: `CLEAN_DUMP=out.txt MOJI_DEBUG=1 cargo test --release --test clean
/// dump_for_comparison -- --ignored --nocapture 2>runs.txt`, before and after, then
/// compare both files (the second holds every run's best reading, score and margins).
#[test]
#[ignore = "diagnostic output"]
fn dump_for_comparison() {
    use std::fmt::Write;
    let s2t =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap();
    let mut out = String::new();
    for path in common::seed_paths() {
        let raw = std::fs::read_to_string(&path).unwrap();
        writeln!(out, "== {}\n{:?}", path.display(), repair(&raw)).unwrap();
        // The damaged seeds' clean paragraphs are damaged afresh, after repair.
        let clean = repair(&raw).text;
        for traditional in [false, true] {
            let text = match traditional {
                true => s2t.convert(&clean),
                false => clean.clone(),
            };
            let lines: Vec<&str> = text.lines().collect();
            // Every paragraph, or every other one (odd or even lines).
            for (whole, every) in [(true, 1), (true, 2), (false, 3)] {
                let doc: Vec<String> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| {
                        let prose = line.chars().filter(|&c| is_ideograph(c)).count() >= 12
                            && !line.contains(['?', '(', '（', UNKNOWN_CHAR])
                            && !line.trim_start().starts_with(|c: char| c.is_ascii());
                        if !prose || every > 1 && i % 2 != every % 2 {
                            return line.to_string();
                        }
                        let body = unfold_marks(line.trim_start());
                        if whole {
                            return damage(&format!("\u{3000}{body}"));
                        }
                        let cs: Vec<char> = body.chars().collect();
                        let cut = cs.len() / 3;
                        let head: String = cs[..cut].iter().collect();
                        let tail: String = cs[cut..].iter().collect();
                        format!("{}{}", head, damage(&tail))
                    })
                    .collect();
                let c = repair(&doc.join("\n"));
                writeln!(out, "-- traditional {traditional} {whole} {every}\n{c:?}").unwrap();
            }
        }
    }
    std::fs::write(std::env::var("CLEAN_DUMP").unwrap(), out).unwrap();
}

/// A run longer than the decoder reads at once (in simplified script a stream
/// out of step stays so up to the paragraph's first digit or Latin letter) is
/// decoded part by part to its end: nothing of the damage is left standing,
/// whatever is not read with confidence is marked unknown.
#[test]
fn long_runs_are_decoded_to_their_end() {
    let text = seed("002");
    let lines: Vec<&str> = text.lines().collect();
    let mut tested = 0;
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        if body.chars().count() < 150 || body.chars().any(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        tested += 1;
        let damaged = damage(&format!("\u{3000}{}", unfold_marks(body)));
        let mut doc: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        doc[i] = damaged.clone();
        let c = repair(&doc.join("\n"));
        let got = c.text.lines().nth(i).unwrap();
        let (want, damage): (Vec<char>, Vec<char>) = (
            body.chars().map(fold_width).collect(),
            damaged.chars().collect(),
        );
        let left: Vec<String> = damage
            .windows(3)
            .map(|w| w.iter().collect::<String>())
            .filter(|w| !want.windows(3).any(|v| v.iter().collect::<String>() == *w))
            .filter(|w| got.contains(w.as_str()))
            .collect();
        assert!(left.is_empty(), "line {i}: damage left {left:?}\n  {got}");
        // The paragraph is read to its end, about as long as it was (a dropped
        // pair's two or three characters may be read as fewer).
        let n = got.chars().count();
        assert!(
            n * 10 >= want.len() * 8 && n <= want.len() + 1,
            "line {i}: {got}"
        );
    }
    assert!(tested >= 3, "{tested}");
}

/// A paragraph of traditional text (with the traditional form of seed 002 as
/// its document) damaged at its start as SEEDS.md describes, and repaired: the
/// damage and the repaired line. Whatever the repair
/// does not read back is marked unknown, never read as another text.
fn repair_traditional_paragraph(line: &str) -> (String, String) {
    // Converted once for every paragraph the tests repair.
    static CONTEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let context = CONTEXT.get_or_init(|| {
        let s2t = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t);
        s2t.unwrap().convert(&seed("002"))
    });
    let damaged = damage(&format!("\u{3000}{}", unfold_marks(line)));
    let c = repair(&format!("{context}\n{damaged}\n"));
    let got = c.text.lines().rev().find(|l| !l.is_empty()).unwrap();
    let want: String = format!(" {line}").chars().map(fold_width).collect();
    assert!(
        got.chars().all(|g| g == UNKNOWN_CHAR || want.contains(g)),
        "{got}\n  damaged: {damaged}"
    );
    (damaged, got.to_string())
}

/// `0x80` is a trail byte (個 `82 80`, 還 `DF 80`, 穩 `B7 80`, 線 `BE 80` …)
/// but never a lead, so out of step the pair it starts always fails and is
/// dropped: a reading must be able to put one of those characters in a dropped
/// pair's place. (Before, only trail bytes from `0x81` started dropped pairs,
/// and `穩中` came back as `沸`.)
#[test]
fn a_pair_dropped_after_a_trail_byte_0x80_is_restored() {
    // Each line with the words whose pair after `80` its damage drops.
    let lines = [
        (
            "在新的一年,南山將堅持穩中求進工作總基調,推進高質量發展。",
            "穩中",
        ),
        (
            "我們要打造一個開放包容的營商環境,推動高質量發展。",
            "一個開放",
        ),
    ];
    for (line, words) in lines {
        let (damaged, got) = repair_traditional_paragraph(line);
        assert!(!damaged.contains(words), "{damaged}");
        assert!(got.contains(words), "{got}\n  damaged: {damaged}");
    }
}

/// A paragraph whose first character has a lead byte under `A1` (most
/// traditional-only characters: 劉 `84 A2`, 會 `95 FE`, 據 `93 FE`) loses the
/// pair of the indent's second byte and that lead (`A1 84` is user-defined), so
/// its run starts with a dropped pair. Read without it, the lost byte and the
/// next trail make a mark (`、`) that never begins a line: the paragraph's start
/// is read back, or marked unknown, never as a mark.
#[test]
fn a_paragraph_never_starts_with_a_pause_mark() {
    for line in [
        "劉毅表示,過去一年,市政府堅持以新發展理念爲指導,全面深化改革。",
        "會議審議通過了關於加快推進城市更新工作的決定。",
        "據初步預計,全年地區生產總值增長百分之八。",
    ] {
        let (damaged, got) = repair_traditional_paragraph(line);
        let first = got.trim_start().chars().next().unwrap();
        assert!(
            !"、,。.;:?!)》」”".contains(first),
            "{got}\n  damaged: {damaged}"
        );
    }
}

#[test]
fn a_tag_whose_bracket_a_run_swallowed_is_markup_not_text() {
    // The run's last lead byte met `</p>`'s `<` (the decoder swallowed it): what
    // is left of the tag is markup, and the run ends at the `?`.
    // (A simplified run: its trail bytes are never ASCII, so it runs on to
    // the tag.)
    let text = "\u{3000}区政府将坚持以优环境为总牵引,着力推动六个发展。";
    let hurt = damage(&unfold_marks(text));
    let page = format!("区政府工作报告\n{hurt}?/p>\n各位代表,让我们共同努力。\n");
    let c = repair(&page);
    let line = c.text.lines().nth(1).unwrap();
    assert!(!line.contains('>') && !line.contains("/p"), "{line}");
    assert!(
        line.contains("以优环境") && line.ends_with("发展。"),
        "{line}"
    );
    assert_eq!(c.text.lines().nth(2), Some("各位代表,让我们共同努力。"));
    // A lone `?` before one: a character lost to it.
    let c = repair("認真履行神聖職責?/p>\n大會主席團主持大會。<br>\n");
    assert_eq!(
        c.text,
        format!("認真履行神聖職責{UNKNOWN_CHAR}\n大會主席團主持大會。<br>\n")
    );
    // A block's tag ends the line; after a question's particle a `?` is one.
    let c = repair("認真履行神聖職責?br />全區上下共同努力。\n是嗎?b>c\n");
    assert_eq!(
        c.text,
        format!("認真履行神聖職責{UNKNOWN_CHAR}\n全區上下共同努力。\n是嗎?b>c\n")
    );
    // Not a tag: left as it stands.
    let c = repair("網址是a.php?p>1\n");
    assert_eq!(c.text, "網址是a.php?p>1\n");
}
