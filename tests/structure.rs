//! Structure stage: furniture removal, metadata, sections, glossary and sentences on the seeds and on small texts written here.

mod common;

use baogao::clean::{self, Cleaned};
use baogao::model::{Doc, DocKind, Mark, MarkKind, Period, SectionKind, Speaker};
use baogao::structure;
use std::path::Path;

fn seed(prefix: &str) -> Doc {
    let path = common::seed_path(prefix);
    let text = std::fs::read_to_string(&path).unwrap();
    baogao::pipeline::build_doc(&path, &text)
}

fn doc(text: &str) -> Doc {
    structure::build("t", "t.txt", clean::repair(text))
}

/// Drops `(qū)`-style annotations so assertions hold before and after cleaning
/// removes them.
fn no_pinyin(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('(') {
        out.push_str(&rest[..p]);
        let tail = &rest[p + 1..];
        match tail.find(')') {
            Some(q)
                if q > 0
                    && tail[..q]
                        .chars()
                        .all(|c| c.is_lowercase() && !c.is_ascii_digit()) =>
            {
                rest = &tail[q + 1..];
            }
            _ => {
                out.push('(');
                rest = tail;
            }
        }
    }
    out + rest
}

fn period(a: i32, b: i32) -> Option<Period> {
    Some(Period { start: a, end: b })
}

fn speaker(name: &str, role: Option<&str>) -> Option<Speaker> {
    Some(Speaker {
        name: name.into(),
        role: role.map(Into::into),
    })
}

/// Body sections per level 1..=4, the glossary left out.
fn levels(d: &Doc) -> [usize; 4] {
    let mut n = [0; 4];
    for s in d.sections.iter().filter(|s| s.kind == SectionKind::Body) {
        n[s.level as usize - 1] += 1;
    }
    n
}

fn check_offsets(d: &Doc) {
    for s in &d.sentences {
        let got: String = d
            .text
            .chars()
            .skip(s.start as usize)
            .take((s.end - s.start) as usize)
            .collect();
        assert_eq!(got, s.text, "sentence {} of {}", s.id, d.id);
        assert!(!s.text.trim().is_empty());
    }
    let n = d.text.chars().count() as u32;
    assert!(d.marks.iter().all(|m| m.start < m.end && m.end <= n));
}

const FURNITURE: [&str; 6] = [
    "扫一扫",
    "知识图谱",
    "相关信息和服务",
    "信息索引号",
    "见习编辑",
    "首頁 >",
];

#[test]
fn seeds_have_no_furniture_and_offsets_hold() {
    for p in ["000", "001", "002", "003", "004"] {
        let d = seed(p);
        for f in FURNITURE {
            assert!(!d.text.contains(f), "{p} still has {f}");
        }
        check_offsets(&d);
        assert!(d.sentences.len() > 50, "{p}");
        let ids: std::collections::HashSet<_> = d.sentences.iter().map(|s| &s.id).collect();
        assert_eq!(ids.len(), d.sentences.len(), "{p}: sentence ids unique");
    }
}

#[test]
fn seed_000_luohu_2014_work_report() {
    let d = seed("000");
    assert_eq!(d.title, "2014年政府工作报告");
    assert_eq!(d.district.as_deref(), Some("罗湖区"));
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.dates.published.as_deref(), Some("2014-03-10"));
    assert_eq!(d.dates.delivered, None);
    assert_eq!(d.meeting.as_deref(), Some("第六届人民代表大会第三次会议"));
    assert_eq!(d.speaker, speaker("贺海涛", Some("区长")));
    assert_eq!(d.period_reviewed, period(2013, 2013));
    assert_eq!(d.period_planned, period(2014, 2014));
    assert_eq!(levels(&d), [2, 10, 0, 0]);
    assert_eq!(
        d.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Glossary)
            .count(),
        1
    );
    assert_eq!(d.glossary.len(), 4);
    assert_eq!(d.glossary[3].term, "平安细胞");
    assert!(
        !d.text.contains("深圳市罗湖区人民政府\n"),
        "site name above the title is furniture"
    );
    assert!(d.text.starts_with("2014年政府工作报告("));
    let s = d.section("s1.1").unwrap();
    assert_eq!(
        (s.label.as_str(), s.parent.as_deref()),
        ("(一)", Some("s1"))
    );
}

#[test]
fn seed_001_luohu_five_year_report() {
    let d = seed("001");
    assert_eq!(d.title, "政府工作報告");
    assert_eq!(d.district.as_deref(), Some("罗湖区"));
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.dates.delivered.as_deref(), Some("2021-11-03"));
    assert_eq!(d.dates.published, None);
    assert_eq!(d.meeting.as_deref(), Some("第八届人民代表大会第一次会议"));
    assert_eq!(d.speaker, speaker("范德繁", None));
    assert_eq!(d.period_reviewed, period(2016, 2020));
    assert_eq!(d.period_planned, period(2021, 2025));
    let n = levels(&d);
    assert_eq!(n[0], 3);
    // (五) and (九) of part 三 are eaten by mojibake until cleaning repairs them.
    assert!((13..=15).contains(&n[1]), "{n:?}");
    assert_eq!(
        d.sections
            .iter()
            .filter(|s| s.parent.as_deref() == Some("s1"))
            .count(),
        6
    );
    assert_eq!(d.glossary.len(), 25);
    assert_eq!(no_pinyin(&d.glossary[2].term), "機非分離");
}

#[test]
fn seed_002_futian_2015_work_plan() {
    let d = seed("002");
    assert_eq!(d.title, "福田区委区政府2015年主要工作");
    assert_eq!(d.district.as_deref(), Some("福田区"));
    assert_eq!(d.kind, DocKind::WorkPlan);
    assert_eq!(d.dates.published.as_deref(), Some("2015-02-27"));
    assert_eq!(d.dates.delivered, None);
    assert_eq!(d.meeting, None);
    assert_eq!(d.speaker, None);
    assert_eq!(d.period_reviewed, None);
    assert_eq!(d.period_planned, period(2015, 2015));
    assert_eq!(levels(&d), [0, 6, 0, 0]);
    assert!(d.glossary.is_empty());
    assert!(!d.text.contains("信息提供日期"));
    let header = structure::page_header(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_c58925cecce76d80.txt"),
        )
        .unwrap(),
    );
    assert_eq!(header.source.as_deref(), Some("区委区政府办"));
}

#[test]
fn seed_003_luohu_plenum_news() {
    let d = seed("003");
    assert_eq!(d.title, "罗湖区委七届四次全会在罗湖会堂召开");
    assert_eq!(d.district.as_deref(), Some("罗湖区"));
    assert_eq!(d.kind, DocKind::PlenumReport);
    assert_eq!(d.dates.delivered.as_deref(), Some("2017-08-30"));
    assert_eq!(d.dates.published, None);
    assert_eq!(d.meeting.as_deref(), Some("区委七届四次全会"));
    assert_eq!(d.speaker, speaker("贺海涛", Some("区委书记")));
    assert_eq!(d.period_reviewed, period(2017, 2017));
    assert_eq!(d.period_planned, period(2017, 2017));
    assert_eq!(levels(&d), [0, 0, 0, 0]);
    assert!(
        !d.text.contains("与会人员正在认真听取报告"),
        "photo caption"
    );
    assert!(d.text.ends_with("奏国际歌,全会闭幕。"));
}

#[test]
fn seed_004_luohu_reform_plan() {
    let d = seed("004");
    assert_eq!(
        no_pinyin(&d.title),
        "深圳市羅湖區全面推進改革創新總體方案(2013—2015年)"
    );
    assert_eq!(d.district.as_deref(), Some("罗湖区"));
    assert_eq!(d.kind, DocKind::ReformPlan);
    assert_eq!(d.dates.published.as_deref(), Some("2013-05-20"));
    assert_eq!(d.meeting, None);
    assert_eq!(d.speaker, None);
    assert_eq!(d.period_reviewed, None);
    assert_eq!(d.period_planned, period(2013, 2015));
    let n = levels(&d);
    assert_eq!(n[0], 8);
    // Most (一)(二)… are eaten by mojibake until cleaning repairs them: 39 in all.
    assert!((9..=39).contains(&n[1]), "{n:?}");
    assert!(
        d.text.starts_with("(2013年5月20日)"),
        "the document's date line is text"
    );
}

#[test]
fn another_district_year_and_script() {
    let d = doc("首頁 > 政務公開 > 工作報告\n南山區2019年政府工作報告\n——2019年1月8日在深圳市南山區第七屆人民代表大會第五次會議上\n區長 王強\n發佈時間:2019-01-20 來源:南山區政府辦\n各位代表:\n現在,我代表南山區人民政府,向大會報告政府工作,請予審議,並請各位政協委員提出意見。\n一、2018年工作回顧\n全區生產總值增長百分之八,各項事業穩步發展。\n二、2019年工作安排\n今年是全面建成小康社會的關鍵之年,我們將繼續努力。\n【大 中 小】 打印 關閉");
    assert_eq!(d.title, "南山區2019年政府工作報告");
    assert_eq!(d.district.as_deref(), Some("南山区"));
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.dates.delivered.as_deref(), Some("2019-01-08"));
    assert_eq!(d.dates.published.as_deref(), Some("2019-01-20"));
    assert_eq!(d.meeting.as_deref(), Some("第七届人民代表大会第五次会议"));
    assert_eq!(d.speaker, speaker("王強", Some("区长")));
    assert_eq!(d.period_reviewed, period(2018, 2018));
    assert_eq!(d.period_planned, period(2019, 2019));
    assert_eq!(levels(&d), [2, 0, 0, 0]);
    assert!(!d.text.contains("首頁") && !d.text.contains("打印") && !d.text.contains("發佈時間"));
    check_offsets(&d);
}

#[test]
fn city_level_report_short_meeting_form() {
    let d = doc("深圳市2020年政府工作报告\n(在深圳市六届人大八次会议上)\n市长 陈如桂\n各位代表:\n我代表深圳市人民政府,向大会报告工作,请予审议。南山区、福田区和罗湖区的发展都很快。\n一、2019年工作回顾\n过去一年,全市经济稳中有进,总体平稳。");
    assert_eq!(d.district.as_deref(), Some("深圳市"));
    assert_eq!(d.meeting.as_deref(), Some("六届人大八次会议"));
    assert_eq!(d.speaker, speaker("陈如桂", Some("市长")));
    assert_eq!(d.period_reviewed, period(2019, 2019));
    assert_eq!(d.period_planned, period(2020, 2020));
}

#[test]
fn plenum_news_in_january_reviews_last_year() {
    let d = doc("1月12日,龙岗区委六届十次全会召开,会议听取并审议了区委常委会工作报告。\n龙岗区委书记张国平代表区委常委会作工作报告。\n报告指出,2019年是新中国成立70周年,今年全区将继续推进高质量发展。\n图为会议现场正在进行");
    assert_eq!(d.district.as_deref(), Some("龙岗区"));
    assert_eq!(d.kind, DocKind::PlenumReport);
    assert_eq!(d.meeting.as_deref(), Some("区委六届十次全会"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2019-01-12"));
    assert_eq!(d.speaker, speaker("张国平", Some("区委书记")));
    assert_eq!(d.period_reviewed, period(2018, 2018));
    assert_eq!(d.period_planned, period(2019, 2019));
    assert!(!d.text.contains("图为"));
}

#[test]
fn report_printed_in_a_gazette_starts_at_its_own_title() {
    let d = doc("深圳市宝安区人民政府公报 2020年第1期(总第90期)\n《政府公报》2020年第1期\n1.政府工作报告\n2.宝安区人民政府关于调整领导分工的通知(深宝府〔2020〕3号)\n政 府 工 作 报 告\n——2020年1月9日在深圳市宝安区第七届\n人民代表大会第一次会议上\n代区长 李明远\n各位代表:\n现在,我代表宝安区人民政府,向大会报告政府工作,请予审议,并请各位政协委员提出意见。\n一、过去五年工作回顾\n区六届人大一次会议以来,全区经济持续健康发展,人民生活不断改善。\n二、2020年工作安排\n今年我们将继续推进高质量发展。");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.district.as_deref(), Some("宝安区"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2020-01-09"));
    assert_eq!(d.meeting.as_deref(), Some("第七届人民代表大会第一次会议"));
    assert_eq!(d.speaker, speaker("李明远", Some("代区长")));
    assert_eq!(d.period_reviewed, period(2015, 2019));
    assert_eq!(d.period_planned, period(2020, 2020));
    let labels: Vec<&str> = d.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["一、", "二、"],
        "the contents list is not the report's"
    );
    check_offsets(&d);
}

#[test]
fn a_speech_dateline_is_its_delivery() {
    let body = "区长 王明\n各位代表:\n现在,我代表坪山区人民政府,向大会报告政府工作,请予审议,并请各位政协委员提出意见。\n一、2019年工作回顾\n过去一年,全区经济稳中有进。";
    for head in [
        "政府工作报告\n(2020年1月9日在深圳市坪山区第二届\n人民代表大会第五次会议上)",
        "政府工作报告\n——在深圳市坪山区第二届人民代表大会第五次会议上\n(二〇二〇年一月九日)",
        "政府工作报告\n——二○二○年一月九日在深圳市坪山区第二届人民代表大会第五次会议上",
        // The date beside the title, the dateline's own garbled (`2020109日`).
        "政府工作报告(2020年1月9日)\n——2020109日在深圳市坪山区第二届人民代表大会第五次会议上",
    ] {
        let d = doc(&format!("{head}\n{body}"));
        assert_eq!(d.title, "政府工作报告", "{head}");
        assert_eq!(d.dates.delivered.as_deref(), Some("2020-01-09"), "{head}");
        assert_eq!(d.dates.published, None, "{head}");
        assert_eq!(d.meeting.as_deref(), Some("第二届人民代表大会第五次会议"));
        assert_eq!(d.speaker, speaker("王明", Some("区长")), "{head}");
        assert_eq!(d.period_planned, period(2020, 2020), "{head}");
    }
}

#[test]
fn title_year_in_brackets_outweighs_years_in_the_prose() {
    let d = doc("龍崗區政府工作報告(2016)\n一、過去五年的工作回顧\n過去五年,全區經濟穩步增長。2010到2015年,地區生產總值年均增長百分之十,2015年將實現五大突破,2015年全年順利收官。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.period_reviewed, period(2011, 2015));
    assert_eq!(d.period_planned, period(2016, 2016));
    let d = doc("中文名 | 鹽田區政府工作報告(2018) | 發布單位 | 鹽田區人民政府 |\n---|\n(一)穩增長,經濟實力穩步提升。我們推動產業轉型升級,全區經濟保持平穩增長態勢。\n基本介紹\n• 中文名:鹽田區政府工作報告(2018)\n• 發布單位:鹽田區人民政府\n全年新增就業崗位一萬個,城鄉居民收入穩步增長。");
    assert_eq!(
        d.title, "鹽田區政府工作報告(2018)",
        "an infobox row is not a title"
    );
    assert!(!d.text.contains("中文名") && !d.text.contains("基本介紹"));
    assert_eq!(d.district.as_deref(), Some("盐田区"));
    assert_eq!(d.period_reviewed, period(2017, 2017));
    assert_eq!(d.period_planned, period(2018, 2018));
}

#[test]
fn headings_naming_a_five_year_plan_give_its_span() {
    let d = doc("2021年坪山区政府工作报告\n——2021年1月12日在深圳市坪山区第二届人民代表大会第六次会议上\n一、“十三五”时期和2020年工作回顾\n五年来,全区经济持续健康发展,人民生活不断改善。\n二、“十四五”时期主要目标\n今后一个时期,我们将坚持高质量发展。\n三、2021年工作安排\n今年我们将继续努力。");
    assert_eq!(d.period_reviewed, period(2016, 2020));
    assert_eq!(d.period_planned, period(2021, 2025));
}

#[test]
fn a_meeting_cited_in_passing_is_not_the_occasion() {
    let d = doc("宝安区委区政府2018年重点工作\n2018年是贯彻党的十九大精神的开局之年。市委六届九次全会要求全市上下奋发有为,区委进一步作出部署。");
    assert_eq!(d.kind, DocKind::WorkPlan);
    assert_eq!(d.meeting, None);
    let d = doc("2019年光明区政府工作报告\n——2019年1月10日在深圳市光明区第一届人民代表大会第二次会议上\n光明区区长 刘胜利\n各位代表:\n区一届人大一次会议以来,我们坚持稳中求进,全区经济持续健康发展。");
    assert_eq!(d.meeting.as_deref(), Some("第一届人民代表大会第二次会议"));
    assert_eq!(
        d.speaker,
        speaker("刘胜利", Some("区长")),
        "the district before the role"
    );
}

#[test]
fn work_plan_and_reform_plan_periods() {
    let d = doc("宝安区2016年工作要点\n发布日期:2016年2月1日\n一、总体要求\n全面贯彻落实党的十八届五中全会精神,推动全区经济社会持续健康发展。");
    assert_eq!(
        (d.kind, d.district.as_deref()),
        (DocKind::WorkPlan, Some("宝安区"))
    );
    assert_eq!(d.period_planned, period(2016, 2016));
    assert_eq!(d.dates.published.as_deref(), Some("2016-02-01"));
    let d = doc("盐田区深化改革实施方案(2016—2018年)\n为深入贯彻落实全面深化改革的部署,结合我区实际,制定本方案。");
    assert_eq!(
        (d.kind, d.district.as_deref()),
        (DocKind::ReformPlan, Some("盐田区"))
    );
    assert_eq!(d.period_planned, period(2016, 2018));
}

/// Each section's id, parent, level and label.
fn tree(d: &Doc) -> Vec<(&str, Option<&str>, u8, &str)> {
    (d.sections.iter())
        .map(|s| {
            (
                s.id.as_str(),
                s.parent.as_deref(),
                s.level,
                s.label.as_str(),
            )
        })
        .collect()
}

#[test]
fn plan_outline_nests_chapters_and_sections() {
    let d = doc("江门市新会区国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n第一章 “十三五”时期主要成就\n第一节　发展成就\n全区经济平稳增长,产业结构持续优化。\n一、产业结构持续优化\n(一)制造业加快升级\n第二节 发展环境\n第二章总体要求\n第一节能环保产业规模持续扩大,达到120亿元,比上年增长百分之十二,继续保持较快增长。");
    assert_eq!(
        tree(&d),
        vec![
            ("s1", None, 1, "第一章"),
            ("s1.1", Some("s1"), 2, "第一节"),
            ("s1.1.1", Some("s1.1"), 1, "一、"),
            ("s1.1.1.1", Some("s1.1.1"), 2, "(一)"),
            ("s1.2", Some("s1"), 2, "第二节"),
            ("s2", None, 1, "第二章"),
        ]
    );
    assert_eq!(d.section("s2").unwrap().title, "总体要求");
    assert_eq!(
        (d.kind, d.district.as_deref()),
        (DocKind::FiveYearPlan, Some("江门市新会区"))
    );
    assert_eq!(d.period_planned, period(2021, 2025));
    assert_eq!(d.period_reviewed, period(2016, 2020));
}

#[test]
fn sections_nest_by_numbering() {
    let d = doc("第一部分 总体思路\n一、指导思想\n坚持稳中求进工作总基调,推动高质量发展。\n(一)加快产业升级\n1.发展金融业。推动金融机构集聚发展。\n2.发展商贸业。\n(1)培育新消费。\n②提升老商圈。\n二、主要目标\n第二部分 重点任务\n一、深化改革\n3.这一行不是标题因为编号不连续,也很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。");
    assert_eq!(
        tree(&d),
        vec![
            ("s1", None, 1, "第一部分"),
            ("s1.1", Some("s1"), 1, "一、"),
            ("s1.1.1", Some("s1.1"), 2, "(一)"),
            ("s1.1.1.1", Some("s1.1.1"), 3, "1."),
            ("s1.1.1.2", Some("s1.1.1"), 3, "2."),
            ("s1.1.1.2.1", Some("s1.1.1.2"), 4, "(1)"),
            ("s1.1.1.2.2", Some("s1.1.1.2"), 4, "②"),
            ("s1.2", Some("s1"), 1, "二、"),
            ("s2", None, 1, "第二部分"),
            ("s2.1", Some("s2"), 1, "一、"),
        ]
    );
    assert_eq!(d.section("s1.1.1.1").unwrap().title, "发展金融业");
    let s = d
        .sentences
        .iter()
        .find(|s| s.text == "推动金融机构集聚发展。")
        .unwrap();
    assert_eq!(s.section.as_deref(), Some("s1.1.1.1"));
    let h = d
        .sentences
        .iter()
        .find(|s| s.text == "二、主要目标")
        .unwrap();
    assert_eq!(
        (h.section.as_deref(), h.id.as_str()),
        (Some("s1.2"), "p9.1")
    );
    check_offsets(&d);
}

#[test]
fn glossary_entries_both_forms_and_scripts() {
    let d = doc("一、工作回顾\n今年我们推进了“织网工程”,建设平安细胞,成效明显。\n名詞解釋:\n1.平安細胞:指平安社區、平安家庭等。\n“织网工程”:以人口、法人为要素的信息系统。\n2.四早:早发现、早报告。");
    let g: Vec<&str> = d.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(g, vec!["平安細胞", "织网工程", "四早"]);
    assert_eq!(d.glossary[1].definition, "以人口、法人为要素的信息系统。");
    assert_eq!(levels(&d), [1, 0, 0, 0]);
    let gs = d
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Glossary)
        .unwrap();
    assert_eq!(gs.id, "s2");
}

#[test]
fn a_glossary_heading_with_an_unknown_character_still_opens_the_glossary() {
    // A mojibake run left one character of the heading unknown: its entries are
    // still glossary entries, not sections.
    let d = doc("一、工作回顾\n今年我们推进了“织网工程”,建设平安细胞,成效明显。\n名\u{FFFD}解釋\n1.平安細胞:指平安社區、平安家庭等。\n2.四早:早发现、早报告。");
    let g: Vec<&str> = d.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(g, vec!["平安細胞", "四早"]);
    assert_eq!(levels(&d), [1, 0, 0, 0]);
    // Both of 名词 unknown, 解释 whole: still the glossary.
    let d = doc("一、工作回顾\n今年我们推进了“织网工程”,建设平安细胞,成效明显。\n《政府工作报告》\u{FFFD}\u{FFFD}解释\n1.平安細胞:指平安社區、平安家庭等。");
    assert_eq!(d.glossary.len(), 1);
    // Two characters unknown, one of them in 解释, is too little to go on.
    let d = doc("一、工作回顾\n今年我们推进了“织网工程”,建设平安细胞,成效明显。\n名\u{FFFD}\u{FFFD}釋\n1.平安細胞:指平安社區、平安家庭等。");
    assert!(d.glossary.is_empty());
}

#[test]
fn glossary_definitions_below_their_terms() {
    let d = doc("一、工作回顾\n今年“四上”企业增加,“双高计划”推进。\n名词解释\n1.“四上”企业:\n对达到一定规模的法人单位的习惯称谓。\n包括规模以上工业。\n2.“双高计划”:\n是高水平高职学校建设计划的简称。\n3.空条目:");
    let g: Vec<(&str, &str)> = (d.glossary.iter())
        .map(|g| (g.term.as_str(), g.definition.as_str()))
        .collect();
    assert_eq!(
        g,
        vec![
            (
                "“四上”企业",
                "对达到一定规模的法人单位的习惯称谓。包括规模以上工业。"
            ),
            ("双高计划", "是高水平高职学校建设计划的简称。"),
        ]
    );
}

#[test]
fn appendix_is_a_part_with_its_own_numbering() {
    let d = doc("各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、工作回顾\n今年经济运行平稳,附件1所列事项按期完成。\n二、今年安排\n办好十件民生实事。\n附件1\n2030年十件民生实事\n一、提高低保标准\n低保标准提高百分之五。\n二、新建学校\n新建学校十所。\n附件2\n名词解释\n1.四早:早发现、早报告。");
    let got: Vec<(&str, Option<&str>, &str, &str)> = (d.sections.iter())
        .map(|s| {
            (
                s.id.as_str(),
                s.parent.as_deref(),
                s.label.as_str(),
                s.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("s1", None, "一、", "工作回顾"),
            ("s2", None, "二、", "今年安排"),
            ("s3", None, "附件1", "2030年十件民生实事"),
            ("s3.1", Some("s3"), "一、", "提高低保标准"),
            ("s3.2", Some("s3"), "二、", "新建学校"),
            ("s4", None, "", "名词解释"),
        ]
    );
    assert_eq!(d.glossary.len(), 1);
}

/// A page's links to its attachments (`附件1:…指标.doc`) are no appendices,
/// nor text: furniture, with the list's heading.
#[test]
fn an_attachment_link_opens_no_appendix() {
    let d = doc("各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、工作回顾\n今年经济运行平稳。\n二、今年安排\n办好十件民生实事。\n附件1:2030年主要经济指标.doc\n附件2:名词解释.DOCX");
    let labels: Vec<&str> = d.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["一、", "二、"]);
    let d = doc("各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、工作回顾\n今年经济运行平稳。\n\n附件:\n1.附件1:2030年民生实事项目一览表(精简版).doc\n2.《政府工作报告》有关名词解释.doc");
    let labels: Vec<&str> = d.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["一、"]);
    let last = d.sentences.last().map(|s| s.text.as_str());
    assert_eq!(last, Some("今年经济运行平稳。"));
}

#[test]
fn broken_off_subscripts_are_put_back() {
    let d = doc("一、环境\n空气质量改善,PM\n2.5\n年平均浓度下降,每立方米20微克。\n建成绿地100万m\n2\n二、民生\n第2\n批学校建成。");
    let got: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "一、环境",
            "空气质量改善,PM2.5年平均浓度下降,每立方米20微克。",
            "建成绿地100万m2",
            "二、民生",
            "第2",
            "批学校建成。",
        ]
    );
    check_offsets(&d);
}

#[test]
fn sentences_respect_quotes_and_brackets() {
    let d = doc("实施“织网工程”;完善《规划(2013—2015年)。》并落实。他说:“要改革;要开放!”随后散会……继续推进?(含公办园;不含民办。)统计完毕");
    let got: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "实施“织网工程”;",
            "完善《规划(2013—2015年)。》并落实。",
            "他说:“要改革;要开放!”",
            "随后散会……",
            "继续推进?",
            "(含公办园;不含民办。)统计完毕",
        ]
    );
    assert!(d
        .sentences
        .iter()
        .all(|s| s.norm == clean::to_simplified(&s.text)));
    check_offsets(&d);
    // A stray quote does not swallow the rest of the paragraph.
    let d = doc("他说“好。然后走了。");
    assert_eq!(d.sentences.len(), 2);
}

#[test]
fn furniture_is_removed_only_when_it_is_furniture() {
    let text = "某某网站\n当前位置:首页 > 政务公开 > 规划计划\n扫一扫在手机上打开当前页\n深圳市龙华区2021年工作要点\n本区将推广扫一扫办事服务,让群众少跑腿,继续完善打印、关闭等功能的政务终端建设。\n责任编辑:李四\n分享到:\n返回顶部";
    let d = doc(text);
    assert_eq!(
        d.text,
        "深圳市龙华区2021年工作要点\n本区将推广扫一扫办事服务,让群众少跑腿,继续完善打印、关闭等功能的政务终端建设。"
    );
    assert_eq!(d.district.as_deref(), Some("龙华区"));
}

#[test]
fn marks_follow_their_characters() {
    let text = "扫一扫在手机上打开当前页\n  深圳市大鹏新区加快发展,推进改革创新,取得明显成效,全区人民生活持续改善。";
    let chars: Vec<char> = text.chars().collect();
    let at = text.find("大鹏").unwrap();
    let start = text[..at].chars().count() as u32;
    let cleaned = Cleaned {
        text: text.to_string(),
        marks: vec![
            Mark {
                start: 0,
                end: 3,
                kind: MarkKind::Unknown,
            },
            Mark {
                start,
                end: start + 2,
                kind: MarkKind::Repaired,
            },
        ],
        ..Cleaned::default()
    };
    let d = structure::build("t", "t.txt", cleaned);
    assert_eq!(d.marks.len(), 1);
    let m = d.marks[0];
    let got: String = d
        .text
        .chars()
        .skip(m.start as usize)
        .take((m.end - m.start) as usize)
        .collect();
    assert_eq!(
        got,
        chars[start as usize..start as usize + 2]
            .iter()
            .collect::<String>()
    );
    assert_eq!(d.district.as_deref(), Some("大鹏新区"));
}

/// A newspaper's jump marks (`(下转05版)`, `（上接01版）`) are cut out of the
/// report's lines, a line of nothing else is dropped, and the marks after them
/// still cover their own characters.
#[test]
fn jump_marks_are_cut_out_of_lines() {
    let text = "深圳市某区政府工作报告\n\
                各位代表:一年来,我们较好完成区人大会议确定的主要目标任务。（下转05版）\n\
                （下转第二版）\n\
                (上接01版) （一）经济发展强劲增长,全区生产总值增长百分之八点五,综合实力跨越。";
    let at = text.find("强劲").unwrap();
    let start = text[..at].chars().count() as u32;
    let cleaned = Cleaned {
        text: text.to_string(),
        marks: vec![Mark {
            start,
            end: start + 2,
            kind: MarkKind::Repaired,
        }],
        ..Cleaned::default()
    };
    let d = structure::build("t", "t.txt", cleaned);
    check_offsets(&d);
    assert!(
        !d.text.contains("转") && !d.text.contains("上接"),
        "{}",
        d.text
    );
    assert_eq!(d.text.lines().count(), 3, "{}", d.text);
    assert!(d.text.contains("目标任务。\n（一）经济发展"), "{}", d.text);
    let m = d.marks[0];
    let got: String = (d.text.chars())
        .skip(m.start as usize)
        .take((m.end - m.start) as usize)
        .collect();
    assert_eq!(got, "强劲");
    assert!(d.sections.iter().any(|s| s.level == 2), "{:?}", d.sections);
    // What the cuts leave around the text is trimmed as a line would be.
    let d = doc("深圳市某区政府工作报告\n(上接01版) (下转02版) 全区经济发展强劲增长,综合实力实现历史性跨越,民生福祉持续增进。");
    assert!(
        d.text
            .ends_with("\n全区经济发展强劲增长,综合实力实现历史性跨越,民生福祉持续增进。"),
        "{}",
        d.text
    );
    check_offsets(&d);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "\n\n",
        "一",
        "扫一扫\n知识图谱\n返回",
        "(",
        "一、",
        "1.\n(一)\n①",
        "“《(",
        "…",
        "2014年\n\n",
        "??????",
    ] {
        let d = doc(t);
        check_offsets(&d);
    }
    let d = doc("扫一扫在手机上打开当前页\n知识图谱");
    assert!(d.text.is_empty() && d.sentences.is_empty());
}

#[test]
fn catalog_overrides_and_adds_source() {
    let mut d = seed("002");
    let cat = "[doc.\"002_c58925cecce76d80\"]\nsource_url = \"https://example.org/x\"\nkind = \"work_plan\"\nspeaker = \"某某\"\nspeaker_role = \"区长\"\n";
    assert!(structure::apply_catalog(&mut d, cat).unwrap());
    assert_eq!(d.source_url.as_deref(), Some("https://example.org/x"));
    assert_eq!(d.speaker, speaker("某某", Some("区长")));
    assert_eq!(d.title, "福田区委区政府2015年主要工作");
    assert!(!structure::apply_catalog(&mut d, "").unwrap());
    assert!(
        structure::apply_catalog(&mut d, "[doc.\"002_c58925cecce76d80\"]\nkind = \"memo\"")
            .is_err()
    );
    assert!(structure::apply_catalog(&mut d, "[doc.x]\nnope = 1").is_err());
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/catalog.toml"))
            .unwrap();
    let before = d.clone();
    structure::apply_catalog(&mut d, &shipped).unwrap();
    assert_eq!(d, before);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    #[test]
    fn any_text_builds_with_consistent_offsets(
        t in "[一二三四五六七八九十第部分、()（）“”《》。;!?:… \n1-9.①②区罗湖區年月日会议届次全政府工作报告扫一扫>-]{0,120}"
    ) {
        check_offsets(&doc(&t));
    }

    /// Long pages of the pieces the head, run-on and PDF rules read (labels,
    /// datelines, spaced dates, line-end junk, bylines, credits), so those rules
    /// run on lines of every length.
    #[test]
    fn pages_of_report_pieces_build_with_consistent_offsets(
        pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..400)
    ) {
        check_offsets(&doc(&pieces.concat()));
    }
}

/// What [`pages_of_report_pieces_build_with_consistent_offsets`] builds pages of.
const PIECES: [&str; 48] = [
    "第",
    "一",
    "十四",
    "章",
    "节",
    "篇",
    "部分",
    "、",
    "(",
    ")",
    "。",
    ";",
    ":",
    "!",
    ",",
    "\n",
    "\n",
    " ",
    "　",
    "2014",
    "年",
    "月",
    "16",
    "日",
    "在",
    "会议上",
    "——",
    "1No",
    "深圳梦 2021-10-08",
    "本报讯(记者 张三)",
    "中共某某区委",
    "第十四个五年规划",
    "过去五年工作回顾",
    "一、二季度",
    "(一)",
    "二、",
    "政府工作报告",
    "各位代表:",
    "2024 年 1 月 30 日",
    "全区生产总值达到1200亿元,增长8.5%。",
    "区(qū)",
    "?",
    "(下转05版)",
    "名词解释",
    "页面载入中",
    "发布时间:2021-01-01",
    "年是",
    "人民代表大会第三次",
];

#[test]
fn short_lines_that_only_resemble_credits_stay() {
    let d = doc("一、编辑出版工作\n全年编辑出版各类图书一百种,发行量稳步增长,读者满意度明显提高。\n来源于群众\n责任编辑:李四");
    assert!(d.text.contains("一、编辑出版工作") && d.text.contains("来源于群众"));
    assert!(!d.text.contains("李四"));
}

#[test]
fn page_header_dates_under_bare_keys_and_contact_lines_go() {
    let d = doc("客服电话: 0755-0000000\n新闻\n某某区2030年政府工作报告\n日期:2030年 02月 03日    信息来源: 某某区\n640 (2).jpg\n各位代表:\n现在,我代表龙华区人民政府向大会作政府工作报告,请予审议,并请各位政协委员提出意见。\n一、2029年工作回顾\n全区经济平稳增长,民生持续改善,较好完成了年度目标任务。");
    assert_eq!(d.dates.published.as_deref(), Some("2030-02-03"));
    assert!(!d.text.contains("0755") && !d.text.contains(".jpg") && !d.text.contains("日期"));
    let d = doc("某某新区管委会2030年工作报告\n时间 : 2030-09-09 16:28 来源:某某新区\n现在,我代表某某新区管理委员会向大会作工作报告,请予审议,并请各位委员提出意见。");
    assert_eq!(d.dates.published.as_deref(), Some("2030-09-09"));
    // In prose the words are words, not keys.
    let d = doc("会议时间为2030年3月1日,地址在区会堂,届时请各位代表准时出席,不得缺席。");
    assert!(d.text.contains("会议时间") && d.dates.published.is_none());
}

#[test]
fn a_disclosure_catalogue_above_a_report_is_metadata() {
    let d = doc("索 引 号:000000-00-2030-000001\n分 类:区二届人大一次会议文件\n发布日期:2030-06-28 00:00\n名 称:政府工作报告\n文 号:\n——2030年5月31日在深圳市第二届人民代表大会第一次会议上\n代市长 王某\n各位代表:\n现在,我代表市人民政府向大会作政府工作报告,请予审议,并请各位政协委员提出意见。");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.dates.published.as_deref(), Some("2030-06-28"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-05-31"));
    assert!(!d.text.contains("索") && !d.text.contains("名 称"));
    // A lone `名称:` row of the report's own stays.
    let d = doc(
        "一、项目情况\n名称:某某公园\n全年新建公园十个,改造提升社区公园二十个,绿化覆盖率稳步提高。",
    );
    assert!(d.text.contains("名称:某某公园"));
    // The catalogue as a table copied as text, its empty cells where they fell.
    let d = doc("文件名称 | 某某区2030年政府工作报告 | ||\n索引号 | /2030-0000 | 公开目录: | 工作报告 |\n公开责任部门 | 公开形式: | 主动公开 | |\n文号 | 成文日期: | 2030年04月15日 | |\n有效性 | 有效 | 公开日期: | 2030-04-16 14:43 |\n2030年3月21日在某某区第十九届\n人民代表大会第四次会议上\n某某区人民政府代区长 王某\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议,并请区政协委员提出意见。");
    assert_eq!(d.title, "某某区2030年政府工作报告");
    assert_eq!(d.dates.published.as_deref(), Some("2030-04-16"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-03-21"));
    assert!(
        !d.text.contains('|') && !d.text.contains("索引号"),
        "{}",
        d.text
    );
    // A table of the report's own stays.
    let d = doc("一、主要指标\n指标 | 2029年 | 增长\n地区生产总值 | 100亿元 | 5%\n全年新建公园十个,改造提升社区公园二十个,绿化覆盖率稳步提高。");
    assert!(d.text.contains("地区生产总值 | 100亿元"));
}

#[test]
fn a_title_line_may_carry_its_dateline_and_a_site_tag() {
    let d = doc("深圳市某某区人民政府工作报告—2030年1月24日在深圳市某某区第九届人民代表大会第四次会议上.docx\n各位代表:现在,我代表某某区人民政府向大会报告政府工作,请予审议,并请各位政协委员提出意见。");
    assert_eq!(d.title, "深圳市某某区人民政府工作报告");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-24"));
    assert_eq!(d.meeting.as_deref(), Some("第九届人民代表大会第四次会议"));
    let d = doc("• 【招商】2030年龙岗区政府工作报告\n各位代表:现在,我代表区人民政府向大会作工作报告,请予审议,并请区政协委员提出意见。");
    assert_eq!(d.title, "2030年龙岗区政府工作报告");
}

#[test]
fn a_head_run_into_the_first_paragraph_is_read() {
    let d = doc("政府工作报告——2030年1月3日在盐田区第九届人民代表大会第一次会议上盐田区人民政府区长王某某各位代表:现在,我代表区人民政府向大会作工作报告,请予审议。一、2029年工作回顾全区经济平稳增长。");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-03"));
    assert_eq!(d.meeting.as_deref(), Some("第九届人民代表大会第一次会议"));
    assert_eq!(d.speaker, speaker("王某某", Some("区长")));
    // The same in traditional script.
    let d = doc("政府工作報告——2030年1月3日在鹽田區第九屆人民代表大會第一次會議上鹽田區人民政府區長王某某各位代表:現在,我代表區人民政府向大會作工作報告,請予審議。一、2029年工作回顧全區經濟平穩增長。");
    assert_eq!(d.title, "政府工作報告");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-03"));
    assert_eq!(d.meeting.as_deref(), Some("第九届人民代表大会第一次会议"));
    assert_eq!(d.speaker, speaker("王某某", Some("区长")));
    // The dash set as 一 by a document copy; a stray mark before a name whose
    // surname is rare (代).
    let d = doc("政府工作报告一2030年1月3日在某某区第九届人民代表大会第一次会议上某某区人民政府区长;代某某各位代表:现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-03"));
    assert_eq!(d.speaker, speaker("代某某", Some("区长")));
    // The dateline in a file-name title; the head runs into a paragraph after
    // a sharing site's blurb.
    let d = doc("某某区人民政府工作报告—2030年1月3日在某某区第九届人民代表大会第一次会议上.docx\n《某某区人民政府工作报告.docx》由会员分享,可在线阅读。\n1、某某区人民政府工作报告一2030年1月3日在某某区第九届人民代表大会第一次会议上某某区人民政府区长王某某各位代表:现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.speaker, speaker("王某某", Some("区长")));
    // A dash before a date in Chinese numerals keeps its 一.
    let d = doc("政府工作报告——一九九八年一月十日在某某区第二届人民代表大会第一次会议上区长王某某各位代表:现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.dates.delivered.as_deref(), Some("1998-01-10"));
    assert_eq!(d.speaker, speaker("王某某", Some("区长")));
}

#[test]
fn a_speech_without_its_title_is_named_by_its_opening() {
    let d = doc("——2030年4月18日在盐田区第九届人民代表大会\n第二次会议上\n盐田区人民政府区长 王某\n各位代表:\n现在,我代表盐田区人民政府,向大会报告政府工作,请予审议,并请各位政协委员提出意见。\n一、2029年以来工作回顾\n全区经济平稳增长,民生持续改善,较好完成了年度目标任务。");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2029, 2029), period(2030, 2030))
    );
}

#[test]
fn a_party_congress_session_is_the_partys_yearly_meeting() {
    let d = doc("某某区九届三次党代会召开\n2030年1月18日上午,中国共产党深圳市盐田区第九届代表大会第三次会议召开。盐田区委书记王某代表区委向大会作报告。\n2029年是关键之年,全区经济平稳增长,民生持续改善。");
    assert_eq!(d.kind, DocKind::PlenumReport);
    assert_eq!(d.meeting.as_deref(), Some("九届三次党代会"));
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2029, 2029), period(2030, 2030))
    );
    // A people's congress is not the party's.
    assert_ne!(
        doc("盐田区第九届人民代表大会第三次会议开幕").kind,
        DocKind::PlenumReport
    );
}

#[test]
fn a_term_review_covers_the_years_it_says() {
    let d = doc("2030年某某区政府工作报告\n——2030年1月11日在某某区第二届人民代表大会第一次会议上\n各位代表:\n现在,我代表某某区一届人民政府向大会作报告,请予审议,并请各位政协委员提出意见。\n本届政府工作回顾\n过去四年,我们奋力拼搏、真抓实干,推动经济社会发展取得新的成就。");
    assert_eq!(d.period_reviewed, period(2026, 2029));
    // A new district reviews the years since it was founded.
    let d = doc("某某新区管委会2030年工作报告\n各位代表:\n现在,我代表某某新区管理委员会向大会作工作报告,请予审议。\n一、新区成立以来的工作回顾\n三年来,疫情防控取得成效。四年多来,我们围绕绿色发展,加快生态文明建设。\n二、2030年工作安排\n坚持稳中求进。");
    assert_eq!(d.period_reviewed, period(2026, 2029));
    assert_eq!(d.period_planned, period(2030, 2030));
    // Elsewhere `三年多来` is some other stretch: a term is five years.
    let d = doc("2030年某某区政府工作报告\n——2030年1月11日在某某区第八届人民代表大会第一次会议上\n各位代表:\n现在,我代表某某区七届人民政府向大会作报告,请予审议。\n一、本届政府工作回顾\n抗击新冠肺炎疫情三年多来,我们奋力拼搏。\n二、今后五年工作安排\n坚持稳中求进。");
    assert_eq!(d.period_reviewed, period(2025, 2029));
}

#[test]
fn a_review_without_headings_opens_with_its_year() {
    let d = doc("深圳市某某区人民政府工作报告\n现在,我代表某某区人民政府向大会作政府工作报告,请予审议,并请各位政协委员提出意见。\n2029年是承前启后的一年。一年来,我们迎难而上、奋力拼搏,经济社会持续健康发展。\n2030年是关键之年,我们要继续努力,确保完成各项目标任务。");
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2029, 2029), period(2030, 2030))
    );
}

#[test]
fn a_news_lead_under_a_long_headline_dates_the_meeting() {
    let d = doc("發布時間:2030-01-19\n某某區九屆人大六次會議舉行,今年將聚焦“四大攻堅”做好“八個方面”工作\n1月16日,某某區九屆人大六次會議正式舉行。\n會上,區長王某作了政府工作報告。");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-16"));
}

#[test]
fn news_of_a_session_where_the_work_report_was_given_is_a_work_report() {
    let d = doc("發布時間:2030-01-19\n某某區九屆人大六次會議舉行,今年將聚焦“四大攻堅”做好“八個方面”工作\n1月16日,某某區九屆人大六次會議正式舉行。\n會上,區長王某就2029年工作情況和2030年工作任務作了政府工作報告。\n2029年,全區經濟平穩增長。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2029, 2029), period(2030, 2030))
    );
    // News of a session that tells of no report given there stays news.
    let d = doc("某某區九屆人大六次會議舉行\n1月16日,某某區九屆人大六次會議正式舉行。\n代表們審議了各項議程。");
    assert_eq!(d.kind, DocKind::Other);
}

#[test]
fn plan_and_budget_reports_have_their_own_kind_and_years() {
    let d = doc("深圳市宝安区2022年国民经济和社会发展计划执行情况与2023年计划\n日期:2023年01月20日\n一、2022年国民经济和社会发展计划执行情况\n2022年,全区上下认真执行区人大会议批准的计划,经济运行总体平稳。");
    assert_eq!(
        (d.kind, d.district.as_deref()),
        (DocKind::PlanReport, Some("宝安区"))
    );
    assert_eq!(d.period_reviewed, period(2022, 2022));
    assert_eq!(d.period_planned, period(2023, 2023));
    // Only the draft's year named: the execution is the year before.
    let d = doc(
        "关于龙岗区2024年预算草案的报告\n各位代表:\n受区人民政府委托,现将预算草案提请大会审议。",
    );
    assert_eq!(d.kind, DocKind::BudgetReport);
    assert_eq!(d.period_reviewed, period(2023, 2023));
    assert_eq!(d.period_planned, period(2024, 2024));
    // A final account looks back only.
    let d = doc("南山区2021年区级决算报告\n现将2021年区级决算情况报告如下。");
    assert_eq!(d.kind, DocKind::BudgetReport);
    assert_eq!(d.period_reviewed, period(2021, 2021));
    assert_eq!(d.period_planned, None);
    // With the mid-year execution after it: the account's own year, no draft.
    let d = doc("关于2022年区级决算和2023年上半年预算执行情况的报告\n现将有关情况报告如下。");
    assert_eq!(d.kind, DocKind::BudgetReport);
    assert_eq!(d.period_reviewed, period(2022, 2022));
    assert_eq!(d.period_planned, None);
    let d = doc("关于某某区2023年上半年预算执行情况的报告\n现将有关情况报告如下。");
    assert_eq!(d.period_reviewed, period(2023, 2023));
    assert_eq!(d.period_planned, None);
    // In traditional script, under a page title with the site's name after it.
    let d = doc("關於深汕特別合作區2023年決算草案的報告-某某網\n熱門搜索: 住房保障 招聘\n關於深汕特別合作區2023年決算草案的報告\n一、一般公共預算收支決算情況\n2023年深汕合作區一般公共預算收入6.45億元,為年初預算的132%。");
    assert_eq!(d.title, "關於深汕特別合作區2023年決算草案的報告");
    assert_eq!(
        (d.kind, d.district.as_deref()),
        (DocKind::BudgetReport, Some("深汕特别合作区"))
    );
    assert_eq!(d.period_reviewed, period(2023, 2023));
    assert!(!d.text.contains("熱門搜索"));
    let d = doc("某某区政府工作报告-2030\n一年来,我们推进各项工作,经济运行平稳。");
    assert_eq!(d.title, "某某区政府工作报告-2030");
    // An audit office's work report is no government work report.
    let d = doc("深圳市2030年度績效審計工作報告\n市人大常委會:\n我受市政府委託,現向市人大常委會報告2030年度績效審計工作情況,請審議。");
    assert_eq!(d.kind, DocKind::Other);
    // An audit of the budget's execution, a notice about publishing budgets:
    // not the report.
    for title in [
        "关于某某区2022年度区级预算执行情况的审计工作报告",
        "关于做好2023年部门预决算公开工作的通知",
        "某某区2023年立法工作计划草案",
    ] {
        let d = doc(&format!("{title}\n现将有关事项报告如下。"));
        assert!(
            !matches!(d.kind, DocKind::BudgetReport | DocKind::PlanReport),
            "{title}: {:?}",
            d.kind
        );
    }
}

/// A speaker who heads an office other than the government (a planning
/// commission's or a finance bureau's head, a new district's committee) is read
/// with the office as the role; a role with no name before the salutation names
/// nobody.
#[test]
fn speakers_heading_an_office() {
    let body = "各位代表:\n受市政府委托,我向大会作工作报告,请予审议,并请各位政协委员提出意见。";
    for (line, name, role) in [
        (
            "深圳市发展和改革委员会主任 李明",
            "李明",
            "发展和改革委员会主任",
        ),
        ("某某新区管委会主任 王强", "王强", "管委会主任"),
        ("坪山区政府筹备组组长陈东", "陈东", "政府筹备组组长"),
        ("深圳市財政委員會主任 張華", "張華", "财政委员会主任"),
        ("惠州市惠城区人民政府代理区长 林立", "林立", "代理区长"),
        ("区财政局局长 王强", "王强", "财政局局长"),
    ] {
        let d = doc(&format!(
            "政府工作报告\n——2030年1月8日在深圳市第九届人民代表大会第二次会议上\n{line}\n{body}"
        ));
        assert_eq!(d.speaker, speaker(name, Some(role)), "{line}");
    }
    let d = doc("政府工作报告——2030年1月8日在深圳市盐田区第九届人民代表大会第二次会议上盐田区人民政府区长各位代表:现在,我代表区人民政府向大会作政府工作报告,请予审议。");
    assert_eq!(d.speaker, None);
    // The party's committee is no office; one who speaks after the report did
    // not give it.
    let d = doc(&format!(
        "政府工作报告\n——2030年1月8日在深圳市第九届人民代表大会第二次会议上\n中共深圳市委员会书记 李明\n{body}"
    ));
    assert_ne!(
        d.speaker.and_then(|s| s.role).as_deref(),
        Some("委员会书记")
    );
    let d = doc("某区委全会召开\n8月9日,中共某某区委第一届委员会第十六次全体会议召开。区委书记李明代表区委常委会作报告。区长王强作专题讲话。");
    assert_eq!(d.speaker, speaker("李明", Some("区委书记")));
    let d = doc("某区工作会议召开\n2月10日,某某特别合作区工作会议召开,合作区党工委书记李明代表党工委作工作报告。");
    assert_eq!(d.speaker, speaker("李明", Some("党工委书记")));
}

/// A report on a plan's or a budget's execution printed without its title is
/// known by what its opening puts before the congress, which also gives its name
/// and its years.
#[test]
fn untitled_plan_and_budget_reports_are_known_by_their_opening() {
    let d = doc("——2031年1月8日在深圳市第九届人民代表大会第三次会议上\n深圳市发展和改革委员会主任 李明\n各位代表:\n受市政府委托,我向大会作关于深圳市2030年国民经济和社会发展计划执行情况与2031年计划(草案)的报告,请予审议。\n一、2030年计划执行情况\n全市经济平稳运行。");
    assert_eq!(d.kind, DocKind::PlanReport);
    assert_eq!(
        d.title,
        "关于深圳市2030年国民经济和社会发展计划执行情况与2031年计划(草案)的报告"
    );
    assert_eq!(d.period_reviewed, period(2030, 2030));
    assert_eq!(d.period_planned, period(2031, 2031));
    let d = doc("——2031年1月8日在深圳市第九屆人民代表大會第三次會議上\n各位代表:\n受市政府委託,現將2030年深圳市預算執行情況和2031年預算草案提請大會審議,並請各位代表提出意見。\n一、2030年預算執行情況\n全市財政收入平穩增長。");
    assert_eq!(d.kind, DocKind::BudgetReport);
    assert_eq!(
        d.title,
        "關於2030年深圳市預算執行情況和2031年預算草案的報告"
    );
    assert_eq!(d.period_reviewed, period(2030, 2030));
    assert_eq!(d.period_planned, period(2031, 2031));
    // Without an opening, the heading that tells the kind gives the years.
    let d = doc("一、2030年国民经济和社会发展计划执行情况\n2030年,全区上下推动高质量发展,经济运行稳中有进,民生持续改善。");
    assert_eq!(d.kind, DocKind::PlanReport);
    assert_eq!(d.period_reviewed, period(2030, 2030));
    assert_eq!(d.period_planned, period(2031, 2031));
}

/// A new district's first report reviews the years since the founding its
/// report dates; a term's review may head a line of its own without a number;
/// a report outside Shenzhen is placed by its congress.
#[test]
fn term_reviews_and_places_outside_shenzhen() {
    let d = doc("2031年某某区政府工作报告\n——2031年1月9日在某某区第一届人民代表大会第一次会议上\n各位代表:\n现在,我代表区人民政府向大会报告政府工作,请予审议。\n一、新区成立以来的工作回顾\n2024年5月1日,某某新区正式成立。七年来,我们推动各项事业全面发展。\n二、2031年工作安排\n今年我们将继续努力。");
    assert_eq!(d.period_reviewed, period(2024, 2030));
    assert_eq!(d.period_planned, period(2031, 2031));
    // The founding told after a full stop on its line, and a whole district's
    // doing that is no founding.
    let d = doc("2031年某某区政府工作报告\n——2031年1月9日在某某区第一届人民代表大会第一次会议上\n各位代表:\n现在,我代表区人民政府向大会报告政府工作,请予审议。\n一、新区成立以来的工作回顾\n七年来,我们推动各项事业全面发展。2020年,全区成立了30个社区服务中心。2024年5月1日,某某新区正式成立。\n二、2031年工作安排\n今年我们将继续努力。");
    assert_eq!(d.period_reviewed, period(2024, 2030));
    // A sentence that looks back on the term is no term review.
    let d = doc("2031年某某区政府工作报告\n——2031年1月9日在深圳市南山区第九届人民代表大会第三次会议上\n各位代表:\n现在,我代表区人民政府向大会报告政府工作,请予审议。\n一、2030年工作回顾\n回顾本届政府任期过半的历程,我们深感责任重大。\n二、2031年工作安排\n今年我们将继续努力。");
    assert_eq!(d.period_reviewed, period(2030, 2030));
    let d = doc("2031年政府工作报告\n——2031年1月9日在惠州市第十届人民代表大会第一次会议上\n市长 林立\n各位代表:\n现在,我代表市人民政府向大会报告政府工作,请予审议。\n过去五年和2030年工作回顾\n五年来,全市经济实力显著增强。\n2031年工作安排\n今年我们将继续努力。");
    assert_eq!(d.district.as_deref(), Some("惠州市"));
    assert_eq!(d.period_reviewed, period(2026, 2030));
    assert_eq!(d.period_planned, period(2031, 2031));
    // A title may name the place; another city's `我市` is not Shenzhen.
    let d = doc("惠州市2031年政府工作報告\n各位代表:\n我代表市人民政府,向大會作工作報告,請予審議。\n2030年是我市發展進程中很不平凡的一年,全市經濟平穩較快增長。");
    assert_eq!(d.district.as_deref(), Some("惠州市"));
    let d = doc("2031年政府工作报告\n各位代表:\n我代表市人民政府,向大会作工作报告,请予审议。\n2030年是我市发展进程中很不平凡的一年,全市经济平稳较快增长。");
    assert_eq!(d.district, None);
    // Undated news of a session, headlined: placed by the congress its lead
    // names, dated by the years it says the report covered.
    let d = doc("市十届人大五次会议开幕 林立作政府工作报告\n某市日报讯 (记者/某某)惠州市第十届人民代表大会第五次会议昨日上午隆重开幕。\n林立在政府工作报告中回顾了2030年的工作情况,对2031年的工作进行了安排。");
    assert_eq!(d.district.as_deref(), Some("惠州市"));
    assert_eq!(d.period_reviewed, period(2030, 2030));
    assert_eq!(d.period_planned, period(2031, 2031));
    // News of a congress or a party committee elsewhere, placed by its name.
    let d = doc(
        "惠州市第十届人民代表大会第五次会议昨日开幕,市长林立作政府工作报告,回顾了2030年的工作。",
    );
    assert_eq!(d.district.as_deref(), Some("惠州市"));
    let d = doc("8月9日,中国共产党广州市黄埔区第一届委员会第十六次全体会议召开,区委书记李明代表区委常委会作报告。");
    assert_eq!(d.district.as_deref(), Some("广州市黄埔区"));
    let d = doc("8月9日,中国共产党深圳市罗湖区第七届委员会第四次全体会议召开,区委书记李明代表区委常委会作报告。");
    assert_eq!(d.district.as_deref(), Some("罗湖区"));
    // A new district's committee reports to the congress of the district it was
    // carved from: it is the committee's district, and its work report.
    let d = doc("——2031年1月9日在深圳市龙岗区第九届人民代表大会第一次会议上\n各位代表:\n现在,我代表大鹏新区管理委员会,向大会报告管委会工作,请予审议。\n一、2030年工作回顾\n过去一年,新区经济稳中有进。\n二、2031年工作安排\n今年我们将继续努力。");
    assert_eq!(d.district.as_deref(), Some("大鹏新区"));
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.title, "管委会工作报告");
    assert_eq!(d.period_reviewed, period(2030, 2030));
}

/// A work report whose copy lost its title is known by its opening, which wins
/// over whatever else its first paragraph mentions, and an undated copy takes
/// its years from the opening too.
#[test]
fn untitled_work_reports_are_known_by_their_opening() {
    let d = doc("——2035年2月20日在某某市第十届人民代表大会第五次会议上\n代市长 林立\n各位代表:\n现在,我代表市人民政府,向大会报告工作,请予审议,并请市政协委员提出意见。\n一、2034年工作回顾\n一年来,我们深入学习贯彻二十届三中全会精神,经济稳中有进。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.period_reviewed, period(2034, 2034));
    let d = doc("现在,我代表市人民政府,向大会报告2034年政府工作,对2035年工作提出建议,请各位代表审议。\n一年来,全市经济稳中有进,民生持续改善,各项事业全面发展。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.period_reviewed, period(2034, 2034));
    assert_eq!(d.period_planned, period(2035, 2035));
}

/// A copy that lost the numbering of the report's parts still has them: a short
/// line below the opening naming the years and ending as a part's name does.
#[test]
fn unnumbered_parts_are_sections() {
    let d = doc("某区2031年主要工作\n各位代表:\n现在,我代表区人民政府向大会报告政府工作,请予审议,并请各位政协委员提出意见。\n2030年及“十五五”时期工作回顾\n五年来,全区经济实力显著增强,民生福祉持续增进。\n(一)经济运行稳中有进\n全区生产总值增长百分之六。\n2031年工作安排\n今年我们将继续推进高质量发展。");
    let parts: Vec<(&str, &str)> = (d.sections.iter())
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        parts,
        [
            ("s1", "2030年及“十五五”时期工作回顾"),
            ("s1.1", "经济运行稳中有进"),
            ("s2", "2031年工作安排")
        ]
    );
    check_offsets(&d);
}

/// A report in two halves named without numbers, each over its own numbered
/// parts (`2013年工作回顾` over `一、` `二、`, then `2014年工作安排` over `一、`
/// again): each half holds its parts, whose numbering starts again in it.
#[test]
fn unnumbered_halves_hold_their_numbered_parts() {
    let d = doc("某区2031年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告政府工作,请予审议,并请各位政协委员提出意见。\n2030年工作回顾\n过去一年,全区经济稳中有进。\n一、经济运行稳中向好\n全区生产总值增长百分之六。\n(一)工业持续增长\n规模以上工业增加值增长百分之七。\n二、民生持续改善\n新建学校十所。\n2031年发展形势和目标任务\n今年发展环境依然复杂严峻。\n2031年工作安排\n今年我们将继续推进高质量发展。\n一、推动产业升级\n加快发展先进制造业。\n二、办好民生实事\n新增学位一万个。");
    assert_eq!(
        tree(&d),
        [
            ("s1", None, 1, ""),
            ("s1.1", Some("s1"), 1, "一、"),
            ("s1.1.1", Some("s1.1"), 2, "(一)"),
            ("s1.2", Some("s1"), 1, "二、"),
            // Prose only, between the halves: a half of its own.
            ("s2", None, 1, ""),
            ("s3", None, 1, ""),
            ("s3.1", Some("s3"), 1, "一、"),
            ("s3.2", Some("s3"), 1, "二、"),
        ]
    );
    check_offsets(&d);
    // A term's halves: the five years behind, prose only, and the five ahead
    // (`未来五年工作思路和任务`) over its numbered parts.
    let d = doc("各位代表:\n现在,我代表区人民政府向大会报告政府工作,请予审议。\n过去五年工作回顾\n过去五年,全区经济实力显著增强。\n未来五年工作思路和任务\n未来五年,我们将奋力抓好两个方面的工作。\n一、奋力推动经济发展取得新成效\n加快发展先进制造业。\n二、奋力推动民生福祉达到新水平\n新增学位一万个。");
    assert_eq!(
        tree(&d),
        [
            ("s1", None, 1, ""),
            ("s2", None, 1, ""),
            ("s2.1", Some("s2"), 1, "一、"),
            ("s2.2", Some("s2"), 1, "二、"),
        ]
    );
}

/// A repost: the account's headline and blurb above the report's own titled,
/// dated head, whose speaker and meeting count.
#[test]
fn repost_preamble_is_not_the_head() {
    let d = doc("查看原文\n其他\n\n城区未来五年这样干!重磅规划来了!\n\n某某号 2021-10-08\n\n深圳市龙华区人民政府工作报告\n\n——2021年1月20日在深圳市龙华区第二届人民代表大会第七次会议上\n深圳市龙华区人民政府区长 张三丰\n\n各位代表:\n\n现在,我代表区人民政府向大会作政府工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。\n\n一、“十三五”和2020年工作回顾\n\n五年来,我们坚持稳中求进工作总基调,经济社会发展取得显著成效。");
    assert_eq!(d.title, "深圳市龙华区人民政府工作报告");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.dates.delivered.as_deref(), Some("2021-01-20"));
    assert_eq!(d.speaker.as_ref().map(|s| s.name.as_str()), Some("张三丰"));
    assert_eq!(d.district.as_deref(), Some("龙华区"));
}

/// A wire credit that dates the story, and a lead that dates the session
/// relative to it; a stray mark before the lead is no headline.
#[test]
fn a_dated_wire_credit_and_yesterday() {
    let d = doc("深圳新闻网2030年3月1日讯(深圳特区报记者 王某某 李某某)昨日上午,深圳市龙华区第五届人民代表大会第四次会议在龙华会堂开幕。区长王某某代表龙华区人民政府向大会作政府工作报告,回顾过去一年来的工作。");
    assert_eq!(
        d.title,
        "深圳市龙华区第五届人民代表大会第四次会议在龙华会堂开幕"
    );
    assert_eq!(d.dates.published.as_deref(), Some("2030-03-01"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-02-28"));
    assert_eq!(d.district.as_deref(), Some("龙华区"));
    assert_eq!(d.kind, DocKind::WorkReport);
    // The same in traditional script (`訊`).
    let d = doc("深圳新聞網2030年3月1日訊(深圳特區報記者 王某某 李某某)昨日上午,深圳市龍華區第五屆人民代表大會第四次會議在龍華會堂開幕。區長王某某代表龍華區人民政府向大會作政府工作報告,回顧過去一年來的工作。");
    assert!(d.title.starts_with("深圳市龍華區第五屆"), "{}", d.title);
    assert_eq!(d.dates.published.as_deref(), Some("2030-03-01"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-02-28"));
    let d = doc("。\n(某某区外宣办)9月26日,参加某某区第七届人民代表大会第一次会议的代表听取了政府工作报告。");
    assert!(d.title.starts_with("(某某区外宣办"), "{}", d.title);
    // An opening quote stays with its headline.
    let d = doc("“十五五”规划开好局 某某区人大会议开幕,区长王某某作政府工作报告");
    assert!(d.title.starts_with("“十五五”"), "{}", d.title);
    // A reporter's byline after the credit is no headline (either script).
    for lead in [
        "【某某商报网讯】记者 王某 通讯员李某某报道:1月20日,坪山区第二届人民代表大会第三次会议开幕。区长张某作政府工作报告。",
        "【某某商報網訊】記者 王某 通訊員李某某報道:1月20日,坪山區第二屆人民代表大會第三次會議開幕。區長張某作政府工作報告。",
        "记者 王某、李某 报道:1月20日,坪山区第二届人民代表大会第三次会议开幕。区长张某作政府工作报告。",
        "通讯员 李某 报道:1月20日,坪山区第二届人民代表大会第三次会议开幕。区长张某作政府工作报告。",
        "記者 常某 通訊員李某某 報道:1月20日,坪山區第二屆人民代表大會第三次會議開幕。區長張某作政府工作報告。",
    ] {
        let d = doc(lead);
        assert!(d.title.starts_with("坪山"), "{}", d.title);
        assert_eq!(d.district.as_deref(), Some("坪山区"));
    }
}

/// A copy printed with its outline first: the outline is no part of the text,
/// and the sections are the text's own, holding their paragraphs.
#[test]
fn an_outline_above_the_text_is_not_its_sections() {
    let d = doc("一、2029年工作回顾\n(一)推动实体经济稳健发展\n(二)推动重点领域改革再突破\n二、2030年主要工作\n(一)推进大湾区建设\n——2030年1月18日在深圳市第七届人民代表大会第七次会议上 深圳市市长 王某某\n各位代表:\n现在,我代表深圳市人民政府向大会作政府工作报告,请予审议。\n一、2029年工作回顾\n过去一年,经济运行稳中有进。\n(一)推动实体经济稳健发展\n全市生产总值增长百分之七。\n(二)推动重点领域改革再突破\n深化商事制度改革。\n二、2030年主要工作\n今年主要预期目标是增长百分之六左右。\n(一)推进大湾区建设\n加快推进前海合作区建设。");
    let titles: Vec<(&str, Option<&str>)> = d
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            ("2029年工作回顾", None),
            ("推动实体经济稳健发展", Some("s1")),
            ("推动重点领域改革再突破", Some("s1")),
            ("2030年主要工作", None),
            ("推进大湾区建设", Some("s2")),
        ]
    );
    let last = d.sentences.last().unwrap();
    assert_eq!(last.section.as_deref(), Some("s2.1"));
    assert!(!d.text.starts_with("一、"), "{}", d.text);
    // The speaker after the dateline on its line.
    let sp = d.speaker.expect("speaker");
    assert_eq!(
        (sp.name.as_str(), sp.role.as_deref()),
        ("王某某", Some("市长"))
    );
    assert_eq!(d.meeting.as_deref(), Some("第七届人民代表大会第七次会议"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-18"));
    // The same dateline in traditional script.
    let d = doc("政府工作報告\n——2030年1月18日在某某區第七屆人民代表大會第七次會議上 區長 王某某\n各位代表:\n現在,我代表區人民政府向大會作政府工作報告,請予審議。");
    let sp = d.speaker.expect("speaker");
    assert_eq!(
        (sp.name.as_str(), sp.role.as_deref()),
        ("王某某", Some("区长"))
    );
    assert_eq!(d.meeting.as_deref(), Some("第七届人民代表大会第七次会议"));
}

/// A part whose heading names the plan behind and the plan ahead reviews the
/// one and plans the other; when the speaker turns to the deputies after the
/// part's last item, the paragraphs are the part's again.
#[test]
fn the_plan_behind_and_ahead_and_the_deputies_addressed() {
    let d = doc("政府工作报告\n——2031年1月20日在某某市第十六届人民代表大会第五次会议上\n某某市市长 王某某\n各位代表:\n现在,我代表市人民政府向大会作政府工作报告,请予审议。\n一、2030年工作回顾\n过去一年,经济运行稳中有进。\n(一)推动实体经济稳健发展\n全市生产总值增长百分之七。\n(二)推动重点领域改革再突破\n深化商事制度改革。\n各位代表!过去一年的成绩来之不易。\n在此,我代表市人民政府表示衷心感谢!\n二、“十五五”时期发展成就和“十六五”时期主要目标任务\n五年来,全市生产总值年均增长百分之六。\n三、2031年主要任务\n今年主要预期目标是增长百分之五左右。");
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2026, 2030), period(2031, 2035))
    );
    let section_of = |start: &str| {
        (d.sentences.iter())
            .find(|s| s.text.starts_with(start))
            .and_then(|s| s.section.clone())
    };
    assert_eq!(section_of("深化商事").as_deref(), Some("s1.2"));
    assert_eq!(section_of("各位代表!").as_deref(), Some("s1"));
    assert_eq!(section_of("在此").as_deref(), Some("s1"));
}

/// A reposting site's own line of date and author (`发表时间:〖2030-04-28〗`).
#[test]
fn a_reposts_date_in_brackets() {
    let d = doc("深圳市2030年政府工作报告(全文)\n本文转载自:〖〗    发表时间:〖2030-04-28〗   本文作者:admin   浏览次数:703\n政府工作报告\n——2030年1月18日在深圳市第七届人民代表大会第七次会议上\n深圳市市长 王某某\n各位代表:\n现在,我代表深圳市人民政府向大会作政府工作报告,请予审议。");
    assert_eq!(d.dates.published.as_deref(), Some("2030-04-28"));
    assert!(!d.text.contains("admin"), "{}", d.text);
}

/// Who gave the report, named in a lead (`区长某某所做的《政府工作报告》`); a role
/// before a meeting's name (`区长办公会`) names no one.
#[test]
fn a_speaker_named_in_a_lead_has_a_surname() {
    let d = doc("3月8號,出席區政協十三屆五次會議的委員們分組討論了區長張某某所做的《政府工作報告》。委員們認為,報告實事求是地總結了2029年的成就。");
    let sp = d.speaker.expect("speaker");
    assert_eq!(
        (sp.name.as_str(), sp.role.as_deref()),
        ("張某某", Some("区长"))
    );
    let d = doc("近日,区委副书记、区长王某主持召开区长办公会,讨论研究《政府工作报告》(征求意见稿)。与会区领导对报告进行了认真讨论。");
    assert_eq!(d.speaker, None);
    // Surnames less common than 王 or 李, in either script.
    for (lead, name) in [
        ("会上,区长聂某某向大会作政府工作报告。", "聂某某"),
        ("會上,區長蔣某某向大會作政府工作報告。", "蔣某某"),
    ] {
        assert_eq!(doc(lead).speaker.map(|s| s.name).as_deref(), Some(name));
    }
}

/// A copying site's page: its disclaimer goes, and the speech under it is
/// what its opening and its first part say.
#[test]
fn a_copied_speech_under_a_sites_disclaimer() {
    let d = doc("區政府工作會議的講話\n時間:2030-07-15 08:03:00\n導語:區政府工作會議的講話一文來源于網友上傳,不代表本站觀點,若需要原創文章可咨詢客服老師,歡迎參考。\n區政府工作會議的講話\n各位代表:\n現在,我代表區人民政府向大會報告工作,請予審議,并請各位政協委員和其他列席人員提出意見。\n一、2028年工作回顧\n2028年全區生產總值完成142億元,增長14.7%。");
    assert!(!d.text.contains("本站"), "{}", d.text);
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2028, 2028), period(2029, 2029))
    );
}

/// A news item whose headline names no document: its lead (after the wire's
/// credit) says what was given, where and when.
#[test]
fn news_lead_after_wire_credit() {
    let d = doc("要闻\n\n打好三张牌 八个关键词看南山2020\n\n深圳新闻网讯  1月9日,南山区七届人大五次会议开幕。南山区区长王某在大会上作政府工作报告。报告指出,2020年是全面建成小康社会和“十三五”规划收官之年,全区将坚持稳中求进。");
    assert_eq!(d.title, "打好三张牌 八个关键词看南山2020");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.dates.delivered.as_deref(), Some("2020-01-09"));
    assert_eq!(d.district.as_deref(), Some("南山区"));
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2019, 2019), period(2020, 2020))
    );
}

/// A newspaper's story of a term's first session: the date beside its source
/// dates the page, a quotation opens the story and the next paragraph says what
/// was held when, and the report it tells of looked back on the whole term.
#[test]
fn a_story_of_a_new_terms_session_opening_with_a_quotation() {
    let d = doc("某某龙岗:奋力开创新局面\n\n2026-10-12 来源:某某日报\n\n“建设现代化国际化创新型城区。”不久前闭幕的龙岗区第八次党代会提出了新的目标。\n\n10月8日—10日,龙岗区第八届人民代表大会第一次会议召开,区长李某某向大会作政府工作报告,回顾过去五年发展成就,部署未来五年工作重点。\n\n五年来,全区生产总值年均增长6.5%。");
    assert_eq!(d.dates.published.as_deref(), Some("2026-10-12"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2026-10-08"));
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.district.as_deref(), Some("龙岗区"));
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2021, 2025), period(2026, 2030))
    );
    assert!(d.sentences.iter().all(|s| !s.text.contains("来源")));
    // A headline that names the report is still a story's.
    let d = doc("龙岗区八届人大一次会议开幕 区长李某某作政府工作报告\n2026-10-12 来源:某某日报\n10月8日,龙岗区第八届人民代表大会第一次会议召开,区长李某某向大会作政府工作报告,回顾过去五年发展成就。");
    assert_eq!(d.period_reviewed, period(2021, 2025));
    // The report's own words about the past five years do not make a yearly
    // report a term's review; a story's do.
    let d = doc("某某区2027年政府工作报告\n——2027年1月8日在某某区第八届人民代表大会第二次会议上\n各位代表:\n现在,我代表某某区人民政府向大会报告工作,请予审议。\n一、2026年工作回顾\n回顾过去五年的发展历程,我们深刻体会到,必须坚持改革创新。\n二、2027年工作安排\n全区生产总值增长6%。");
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2026, 2026), period(2027, 2027))
    );
}

/// A PDF copy's spaced dates, a disclosure catalogue's rows set apart by blank
/// lines, and a copy that starts at its first part.
#[test]
fn spaced_dates_catalogue_blocks_and_headless_copies() {
    let d = doc("政府工作报告\n——2024 年 1 月 30 日在深圳市第七届人民代表大会第五次会议上\n深圳市市长 某某某\n各位代表:\n现在,我代表深圳市人民政府,向大会报告政府工作,请予审议,并请各位政协委员和其他列席人员提出意见。");
    assert_eq!(d.dates.delivered.as_deref(), Some("2024-01-30"));
    assert_eq!(d.period_planned, period(2024, 2024));

    let d = doc("索 引 号:043000-10-2011-005234\n\n分 类:市五届人大二次会议\n\n名 称:政府工作报告\n\n文 号:\n\n政府工作报告\n——2011年1月16日在深圳市第五届人民代表大会第二次会议上\n市长 某某\n各位代表:\n现在,我代表深圳市人民政府向大会作工作报告,请予审议,并请各位政协委员提出意见。");
    assert_eq!(d.title, "政府工作报告");
    assert!(!d.text.contains("名 称"), "{}", &d.text[..80]);

    let d = doc("页面载入中...\n深圳市大鹏新区管理委员会公开目录\n一、2019年工作回顾\n过去一年,我们在市委市政府和新区党工委坚强领导下,稳中求进,攻坚克难,是深圳市建市40周年的一年。\n二、2020年工作安排\n做好2020年工作,意义重大。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.district.as_deref(), Some("大鹏新区"));
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2019, 2019), period(2020, 2020))
    );

    // A numbered first half may name its year anywhere.
    let d = doc("页面载入中...\n一、过去一年(2019年)工作回顾\n过去一年,我们在市委市政府和区委坚强领导下,稳中求进,攻坚克难,各项事业全面进步。\n二、2020年工作安排\n做好2020年工作,意义重大。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.period_reviewed, period(2019, 2019));

    // The same with its halves unnumbered: the review's heading is no title.
    let d = doc("2018年工作回顾\n2018年,坪山区在市委市政府的正确领导下,全力以赴抓发展、惠民生,各项事业全面进步。\n一、经济发展稳中有进\n全年完成地区生产总值800亿元,增长8%。\n2019年工作安排\n做好2019年工作,意义重大。\n一、坚持创新驱动\n加快产业转型升级,培育新兴产业。");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2018, 2018), period(2019, 2019))
    );
}

/// A copy that lost its title and opens on the sentence leading into its text
/// (`现将有关情况报告如下:`), then its first numbered headings: neither is a
/// title or a news headline, so the title is not stated, and what the first
/// paragraphs mention (`主要工作`, `工作方案`) does not make it a plan. The
/// sentence stays text.
#[test]
fn a_copy_opening_on_its_lead_in_states_no_title() {
    let d = doc("现将有关情况报告如下：\n一、2021年主要工作情况\n（一）深入推进依法行政，法治政府建设全面铺开\n一是学习走深走实。区委区政府主要领导带头学习，研究制定法治政府建设重点工作方案，全面完成各项任务。二是责任严格压实。各部门主要负责人部署本年度法治政府建设工作。\n二、2022年工作打算\n持续推进法治政府建设。");
    assert_eq!(d.title, "");
    assert_eq!(d.kind, DocKind::Other);
    assert!(
        d.text.starts_with("现将有关情况报告如下"),
        "{}",
        &d.text[..40]
    );
}

/// A copy that lost its line breaks: a part's or item's label after a
/// sentence's end starts a paragraph, and a part's name run on into its text
/// is a heading of its own; a list's points stay inline.
#[test]
fn run_on_copies_get_their_headings_back() {
    let body = "全区经济保持平稳较快发展,产业结构不断优化,民生福祉持续增进。".repeat(6);
    let text = format!("政府工作报告——2013年1月8日在某某区第五届人民代表大会第二次会议上区长 王某某各位代表:现在,我代表区人民政府向大会作工作报告,请予审议。一、2012年工作回顾2012年是本届政府履职的第一年。{body}(一)经济实力稳步提升。全年完成地区生产总值500亿元,增长10%;1.服务业增长12%;2.工业增长8%。{body}(二)五年来城区面貌明显改善。{body}二、2013年工作安排做好今年工作,意义重大。{body}");
    let d = doc(&text);
    let got: Vec<(&str, &str)> = (d.sections.iter())
        .map(|s| (s.label.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("一、", "2012年工作回顾"),
            ("(一)", "经济实力稳步提升"),
            // (A heading may start with a numeral: not `一、二季度`.)
            ("(二)", "五年来城区面貌明显改善"),
            ("二、", "2013年工作安排"),
        ]
    );
    assert!(d
        .text
        .contains("\n一、2012年工作回顾\n2012年是本届政府履职的第一年。"));
    assert!(d.text.contains("增长10%;1.服务业增长12%;2.工业增长8%。"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2013-01-08"));
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2012, 2012), period(2013, 2013))
    );
    // Every sentence still points at its own characters.
    check_offsets(&d);
}

/// What a report's own prose must not be read as: a dash-led paragraph under a
/// heading is no dateline, a meeting in a sentence is no delivery, a report
/// named in passing is not the document, a lead's credit is no headline.
#[test]
fn ordinary_prose_is_not_a_head() {
    let d = doc("2020年罗湖区政府工作报告\n罗湖区区长 张三\n(2020年1月10日)\n各位代表:\n现在,我代表罗湖区人民政府,向大会报告工作,请予审议,并请区政协委员提出意见。\n一、2019年工作回顾\n——经济实力显著增强。全区生产总值达到1200亿元,增长8.5%。");
    assert_eq!(d.title, "2020年罗湖区政府工作报告");
    assert_eq!(d.speaker.as_ref().map(|s| s.name.as_str()), Some("张三"));

    let d = doc("罗湖区2015年政府工作报告\n各位代表:\n2014年1月16日在区六届人大三次会议上确定的各项目标任务全面完成。全区经济社会发展取得新成效。");
    assert_eq!(
        (d.dates.delivered.as_deref(), d.meeting.as_deref()),
        (None, None)
    );

    let d = doc("罗湖区2021年十件民生实事\n为落实区政府工作报告确定的目标任务,区政府确定了十件民生实事,现公布如下。");
    assert_ne!(d.kind, DocKind::WorkReport);

    let d = doc(
        "本报讯(记者 张三,通讯员 李四)1月24日,罗湖区六届人大三次会议开幕,区长王五作政府工作报告。",
    );
    assert!(
        d.title.starts_with("罗湖区六届人大三次会议开幕"),
        "{}",
        d.title
    );
    assert_eq!(d.kind, DocKind::WorkReport);
}

/// A long paragraph's inline list (after `:`, between `;`) and its `一、二季度`
/// stay one paragraph.
#[test]
fn long_paragraphs_keep_their_inline_lists() {
    let tail = "全区上下齐心协力,扎实推进各项工作,取得了明显成效。".repeat(8);
    let d = doc(&format!("今年重点做好以下几方面工作:(一)加快产业升级,推动制造业高质量发展;(二)深化改革开放,优化营商环境;(三)保障改善民生。{tail}一、二季度全区经济增速有所回落,三季度逐步回升。{tail}"));
    assert!(d.sections.is_empty(), "{:?}", d.sections);
    assert_eq!(d.text.lines().count(), 1);
}

/// A half-year report on how the economy went, in either script: a plan's
/// execution report, reviewing its year.
#[test]
fn a_half_year_execution_report_is_a_plan_report() {
    for text in [
        "一、2020年上半年經濟社會發展執行情況\n今年以來,面對突發疫情,我區全面統籌推進疫情防控和經濟發展工作,推動經濟社會實現平穩發展。現將有關情況報告如下:\n——本地區生產總值1149.53億元,同比下降1.4%;",
        "一、2020年上半年经济社会发展执行情况\n今年以来,面对突发疫情,我区全面统筹推进疫情防控和经济发展工作,推动经济社会实现平稳发展。现将有关情况报告如下:\n——本地区生产总值1149.53亿元,同比下降1.4%;",
    ] {
        let d = doc(text);
        assert_eq!(d.kind, DocKind::PlanReport, "{text}");
        assert_eq!(d.period_reviewed, period(2020, 2020), "{text}");
    }
}

/// A site's path set with slashes is no title; a title carrying its dashed
/// dateline under the page's own title still dates the delivery.
#[test]
fn a_slashed_breadcrumb_and_a_dateline_after_a_second_title() {
    let d = doc("首页/ 政府信息公开 / 政府工作报告 / 正文\n2030年政府工作报告(全文)\n2030年2月24日在某某区第七届\n人民代表大会第四次会议上\n某某区区长 王某某\n各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.title, "2030年政府工作报告");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-02-24"));
    let d = doc("某某新区管委会2030年工作报告\n时间 : 2030-03-12 17:22 来源:某某新区\n某某新区管委会工作报告(2030)\n某某新区管委会工作报告——2030年1月27日在某某区第五届人民代表大会第五次会议上\n某某新区管委会主任 王某某\n各位代表:\n现在,我代表某某新区管理委员会向大会作工作报告,请予审议。");
    assert_eq!(d.title, "某某新区管委会2030年工作报告");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-27"));
    assert_eq!(d.dates.published.as_deref(), Some("2030-03-12"));
    assert_eq!(d.meeting.as_deref(), Some("第五届人民代表大会第五次会议"));
    // A dateline whose dashes the mojibake ate (unknown now) is still one.
    let d = doc("政府工作報告\n\u{FFFD}\u{FFFD}2030年1月27日在某某區第六屆人民代表大會第八次會議上\n各位代表:\n現在,我代表區人民政府向大會作工作報告,請予審議。");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-27"));
    assert_eq!(d.meeting.as_deref(), Some("第六届人民代表大会第八次会议"));
    // Video-site spam strung above a copied news page is no headline.
    let d = doc("某某美女在线观看,亚洲第一区影院,2030久久国产精品,欧美在线观看\n某某区五届人大六次会议举行,今年将聚焦“四大攻坚”\n来源:某某网 发布时间:2030-01-19\n1月16日,某某区五届人大六次会议正式举行。会上,区长王某某作了政府工作报告。");
    assert!(
        d.title.starts_with("某某区五届人大六次会议举行"),
        "{}",
        d.title
    );
    assert!(!d.text.contains("在线观看"), "{}", d.text);
}

#[test]
fn a_dateline_or_a_title_broken_over_two_lines_is_read_whole() {
    // No dash before the date: the dateline is still the delivery.
    let d = doc("首页 > 政务公开\n2030年1月25日在深圳市某某区第七届\n人民代表大会第三次会议上\n某某区发展和改革局局长 王某\n各位代表:\n受区政府委托,我向大会作关于某某区2029年国民经济和社会发展计划执行情况与2030年计划草案的报告,请予审议。");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-25"));
    assert_eq!(d.meeting.as_deref(), Some("第七届人民代表大会第三次会议"));
    assert_eq!(
        d.title,
        "关于某某区2029年国民经济和社会发展计划执行情况与2030年计划草案的报告"
    );
    // A cover's long title on two lines, under a repost's headline.
    let d = doc("某某新闻网的一条无关标题,请点击阅读全文?\n关于深圳市2029年国民经济和社会发展\n计划执行情况与2030年计划草案的报告\n——2030年5月15日在深圳市第七届\n人民代表大会第一次会议上\n受市政府委托,我向大会作报告,请予审议,并请各位政协委员提出意见。");
    assert_eq!(
        d.title,
        "关于深圳市2029年国民经济和社会发展计划执行情况与2030年计划草案的报告"
    );
    assert_eq!(d.kind, DocKind::PlanReport);
    // The first part may name a document itself; the second still ends it.
    let d = doc("关于某某区2029年预算执行情况和2030年\n预算草案的报告\n各位代表:\n受区人民政府委托,现将预算草案提请大会审议。");
    assert_eq!(
        d.title,
        "关于某某区2029年预算执行情况和2030年预算草案的报告"
    );
    // Two titles in a row stay apart.
    let d = doc("关于某某区2030年预算草案的报告\n某某区财政局\n各位代表:\n受区人民政府委托,现将预算草案提请大会审议。");
    assert_eq!(d.title, "关于某某区2030年预算草案的报告");
}

#[test]
fn a_disclosure_page_is_dated_by_its_publication_not_its_writing() {
    let d = doc("发布机构: 区人民政府办公室 成文日期: 2030-03-11\n名称: 某某区2030年政府工作报告\n文号: 发布日期: 2030-03-14\n某某区2030年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.dates.published.as_deref(), Some("2030-03-14"));
    // Written alone, it is the only date there is.
    let d = doc("成文日期: 2030-03-11\n某某区2030年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.dates.published.as_deref(), Some("2030-03-11"));
}

#[test]
fn one_who_chairs_the_meeting_and_gives_the_report_is_the_speaker() {
    let d = doc("某某區召開七屆二次黨代會\n1月13日,中國共產黨深圳市某某區第七屆代表大會第二次會議開幕。某某區委書記王某某主持大會,並代表區委向大會作了題為《堅定不移走好高質量發展之路》的報告。");
    assert_eq!(d.speaker, speaker("王某某", Some("区委书记")));
    // One who only chairs it is not.
    let d = doc("某某区召开全会\n1月13日,某某区委全会召开。区长李某某主持会议。区委书记王某某代表区委常委会作工作报告。");
    assert_eq!(d.speaker, speaker("王某某", Some("区委书记")));
}

#[test]
fn one_who_entrusted_the_speaker_is_not_the_speaker() {
    let d = doc("某某新区2030年工作报告\n同志们:\n今天,我们召开新区年度工作会议,全面总结2029年工作。受王某书记委托,我代表新区党工委、管委会向大会报告工作。");
    assert_eq!(d.speaker, None);
}

#[test]
fn a_place_outside_shenzhen_from_its_party_committee_or_a_lead() {
    let d = doc("1月16日上午,中共某某区委二届四次全体会议在区会议中心召开。区委书记王某某代表区委常委会作工作报告。\n会议总结了2029年工作,部署2030年任务。");
    assert_eq!(d.district.as_deref(), Some("某某区"));
    // A headline that reads as prose over the lead that names the congress.
    let d = doc("两会关注|极简报告,读懂政府未来施政与你我的关系,一起来看吧!\n11月10日上午,佛山市某某区第十七届人民代表大会第一次会议开幕,代理区长王某某作政府工作报告。\n一、未来五年工作主要目标\n到2035年,地区生产总值达5000亿元。");
    assert_eq!(d.district.as_deref(), Some("佛山市某某区"));
    // A term named in passing after a verb is no place's.
    let d = doc("某某报告\n全区较好地完成了区十届人大三次会议确定的目标任务,经济运行平稳。");
    assert_eq!(d.district, None);
    // What the lead says people did there is no part of the place's name.
    let d = doc("9月26日,參加某某區第七屆人民代表大會第一次會議的人大代表在聽取某某區政府工作報告後,分6個團進行了熱烈討論。");
    assert_eq!(d.district.as_deref(), Some("某某区"));
    // A report that names no congress: whom its speaker speaks for.
    let d = doc("政府工作報告\n現在,我代表某某區人民政府,向大會作政府工作報告,請予審議。\n一、2029年工作回顧\n2029年,經濟社會實現平穩較快發展。");
    assert_eq!(d.district.as_deref(), Some("某某区"));
    let d = doc("政府工作报告\n现在,我代表区人民政府,向大会作政府工作报告,请予审议。\n一、2029年工作回顾\n2029年,经济社会实现平稳较快发展。");
    assert_eq!(d.district, None);
    // A region named by its kind alone is no place's name.
    let d = doc("政府工作报告\n现在,我代表自治区人民政府,向大会报告政府工作,请予审议。\n一、2029年工作回顾\n2029年,经济社会实现平稳较快发展。");
    assert_eq!(d.district, None);
}

/// What a careful reviewer found the rules above doing wrong at first.
#[test]
fn the_head_rules_leave_alone_what_only_resembles_their_cases() {
    // A city committee's plenum cited in the body names no place.
    let d = doc("2030年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议。\n过去一年,我们深入学习贯彻市委七届十三次全会精神,经济运行平稳。");
    assert_eq!(d.district, None);
    // A site's `关于我们` over the title is no first part of it.
    // A site's `关于我们` over the title is no first part of it; a title
    // ending in a bracketed note is whole (the next title stays apart); a line
    // may break right after a word that ends other titles (`计划`).
    let body = "\n各位代表:\n受区人民政府委托,我向大会作报告,请予审议。";
    for (head, title) in [
        (
            "关于罗湖\n2030年罗湖区政府工作报告",
            "2030年罗湖区政府工作报告",
        ),
        (
            "关于某某区2029年预算执行情况和2030年预算草案的报告(草案)\n2030年某某区政府工作报告",
            "关于某某区2029年预算执行情况和2030年预算草案的报告(草案)",
        ),
        (
            "关于某某区2029年国民经济和社会发展计划\n执行情况与2030年计划草案的报告",
            "关于某某区2029年国民经济和社会发展计划执行情况与2030年计划草案的报告",
        ),
    ] {
        assert_eq!(doc(&format!("{head}{body}")).title, title);
    }
    // One who chairs and then does something else is not the speaker.
    let d = doc("某某区召开全会\n1月13日,某某区委全会召开。区委书记王某某主持会议,并代表区委常委会宣读表彰决定,区长李某某作政府工作报告。");
    assert_eq!(d.speaker, speaker("李某某", Some("区长")));
    // An update time does not replace the date of the writing.
    let d = doc("成文日期: 2030-03-11\n更新时间: 2035-05-01 10:22\n某某区2030年政府工作报告\n各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议。");
    assert_eq!(d.dates.published.as_deref(), Some("2030-03-11"));
}

#[test]
fn a_sites_banner_and_menu_is_neither_prose_nor_title() {
    let d = doc("欢迎来到某某范文网平台! 心得体会 工作总结 工作计划 述职报告 疫情防控 事迹材料 工作汇报\n当前位置:首页 > 范文大全 > 正文\n2030年某某区政府工作报告\n各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议,并请各位政协委员提出意见。");
    assert_eq!(d.title, "2030年某某区政府工作报告");
    assert_eq!(d.kind, DocKind::WorkReport);
    // Prose set apart by spaces here and there stays prose.
    let d = doc("某某区2030年政府工作报告\n各位代表:\n现在, 我代表区人民政府 向大会 作工作报告, 请予审议, 并请各位 政协委员 提出意见。");
    assert!(d.sentences.iter().any(|s| s.text.contains("请予审议")));
}

/// What the pipeline reads from a report does not depend on its script: each
/// simplified seed converted to traditional (OpenCC, phrase level) gives the same
/// metadata, sections and sentences, read in simplified form.
#[test]
fn metadata_and_structure_do_not_depend_on_the_script() {
    let s2t =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap();
    for p in ["000", "002", "003"] {
        let raw = std::fs::read_to_string(common::seed_path(p)).unwrap();
        let a = doc(&raw);
        let b = doc(&s2t.convert(&raw));
        let simple = |s: &str| clean::to_simplified(s);
        assert_eq!(simple(&b.title), a.title, "{p}");
        assert_eq!(b.district, a.district, "{p}");
        assert_eq!(b.kind, a.kind, "{p}");
        assert_eq!(b.dates, a.dates, "{p}");
        assert_eq!(
            (b.period_reviewed, b.period_planned),
            (a.period_reviewed, a.period_planned),
            "{p}"
        );
        assert_eq!(b.meeting, a.meeting, "{p}");
        let role = |d: &Doc| d.speaker.as_ref().map(|s| s.role.clone());
        assert_eq!(role(&b), role(&a), "{p}");
        let outline = |d: &Doc| -> Vec<(u8, String, String)> {
            (d.sections.iter())
                .map(|s| (s.level, s.label.clone(), simple(&s.title)))
                .collect()
        };
        assert_eq!(outline(&b), outline(&a), "{p}");
        assert_eq!(b.sentences.len(), a.sentences.len(), "{p}");
    }
}

/// `text` as a PDF copy sets it: each line with a sentence in it broken into
/// lines of `ems` (an ideograph or mark one em, a figure or Latin letter half; a figure or Latin word not
/// broken; a closing mark hung at the end rather than starting a line),
/// indented or not; a page number (and the running `head`, when given) after
/// every thirty lines.
fn set_in_measure(text: &str, ems: f32, indent: bool, head: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut set = 0;
    let mut push = |out: &mut Vec<String>, line: String| {
        out.push(line);
        set += 1;
        if set % 30 == 0 {
            out.extend(["".to_string(), format!("— {} —", set / 30), "".to_string()]);
            out.extend(head.map(str::to_string));
        }
    };
    // A figure, Latin letter or space half an em; a mark (`,` folded from `，`) one.
    let half = |c: char| c.is_ascii_alphanumeric() || " .%".contains(c);
    let width = |s: &str| -> f32 { s.chars().map(|c| if half(c) { 0.5 } else { 1.0 }).sum() };
    for line in text.lines() {
        let t = line.trim();
        if !t.contains('。') {
            out.push(t.to_string());
            continue;
        }
        let chars: Vec<char> = t.chars().collect();
        let mut cur = if indent {
            "　　".to_string()
        } else {
            String::new()
        };
        let mut i = 0;
        while i < chars.len() {
            let mut j = i + 1;
            if chars[i].is_ascii_alphanumeric() {
                while j < chars.len()
                    && (chars[j].is_ascii_alphanumeric() || ".%".contains(chars[j]))
                {
                    j += 1;
                }
            }
            let tok: String = chars[i..j].iter().collect();
            let over = width(&cur) + width(&tok);
            let hangs = "，。、；：？！”）》,;:".contains(tok.as_str()) && over <= ems + 1.0;
            if over > ems && !cur.is_empty() && !hangs {
                push(&mut out, std::mem::take(&mut cur));
            }
            cur.push_str(&tok);
            i = j;
        }
        push(&mut out, cur);
    }
    out.join("\n")
}

/// A PDF copy breaks its lines at the page's measure, mid-sentence and
/// mid-figure, and prints page numbers and a running head between pages: its
/// lines are joined back into the paragraphs they were set from, and it reads
/// as the web page does — metadata, outline and sentences (but for a space a
/// line break took: `GDP 42%`).
#[test]
fn a_pdf_copy_set_in_a_measure_reads_as_the_page_does() {
    let outline = |d: &Doc| -> Vec<(u8, String, String)> {
        (d.sections.iter())
            .map(|s| (s.level, s.label.clone(), s.title.clone()))
            .collect()
    };
    let unspaced = |d: &Doc| -> Vec<String> {
        (d.sentences.iter())
            .map(|s| s.text.replace(' ', ""))
            .collect()
    };
    let cases = [
        ("000", 34.0, true, Some("罗湖区政府工作报告")),
        ("000", 30.0, false, None),
        ("002", 28.0, true, Some("福田区2015年主要工作")),
        ("003", 36.0, false, Some("中共罗湖区委全会")),
    ];
    for (p, ems, indent, head) in cases {
        let raw = std::fs::read_to_string(common::seed_path(p)).unwrap();
        let page = doc(&raw);
        let pdf = set_in_measure(&raw, ems, indent, head);
        assert!(
            pdf.lines().count() > raw.lines().count() * 2,
            "{p}: set in a measure"
        );
        let d = doc(&pdf);
        let case = format!("{p} at {ems} ems, indent {indent}");
        check_offsets(&d);
        assert_eq!(d.title, page.title, "{case}");
        assert_eq!(d.district, page.district, "{case}");
        assert_eq!(d.kind, page.kind, "{case}");
        assert_eq!(d.dates, page.dates, "{case}");
        assert_eq!(d.speaker, page.speaker, "{case}");
        assert_eq!(d.meeting, page.meeting, "{case}");
        assert_eq!(outline(&d), outline(&page), "{case}");
        assert_eq!(unspaced(&d), unspaced(&page), "{case}");
    }
    // A piece of a paragraph is no chrome (`字号`), and a lone mark that did not
    // fit stays with it.
    let para = "全面实施乡村振兴战略，做优丝苗米等粤字号农产品，培育保护地理标志产品。".repeat(12);
    let pdf = set_in_measure(
        &format!("某某区政府工作报告\n{para}\n{para}"),
        20.0,
        false,
        None,
    );
    let d = doc(&pdf);
    let kept = d
        .sentences
        .iter()
        .filter(|s| s.text.contains("粤字号农产品,培育保护"));
    assert_eq!(kept.count(), 24, "{pdf}");
    // Latin words parted by a line break keep the space between them.
    let para = "办好中国国际进口博览会(China International Import Expo)和高交会。".repeat(8);
    let pdf = set_in_measure(&format!("某某区政府工作报告\n{para}"), 21.0, false, None);
    let parted = pdf
        .lines()
        .filter(|l| l.ends_with(char::is_alphabetic))
        .count();
    assert!(parted >= 2, "{pdf}");
    let d = doc(&pdf);
    check_offsets(&d);
    let named =
        (d.sentences.iter()).filter(|s| s.text.contains("(China International Import Expo)"));
    let all: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(named.count(), 8, "{all:#?}");
    // A heading over a run wider than a line's room (an address) is no line
    // broken at the measure.
    let d = doc(&set_in_measure(
        &format!("某某区政府工作报告\n{para}\n三、附件\nwww.example.gov.cn/art/2026/2/3/art12291234567.html\n{para}"),
        21.0,
        false,
        None,
    ));
    assert!(
        d.sections.iter().any(|s| s.label == "三、"),
        "{:?}",
        d.sections
    );
}

/// A real PDF's text layer: the first pages of Jilin's 2026 work report,
/// printed to PDF by Chromium (Noto Serif CJK) and read back by `pdf-parse`
/// 2.4.5 (`tests/pdf/jilin_2026_pdf_parse.txt`, cut at a sentence's end). The
/// font names `工` `长` `民` … by their radicals (U+2F2F, U+2ED3, U+2EA0), the
/// dateline's dash is `⸺`, justified lines come out spaced (`补 歉 ， ⻝ 品`)
/// and tabbed beside quotes, lines break at the measure, and each page ends
/// with the browser's stamp, the page's address and number and the reader's
/// `-- 1 of 21 --`. It reads as the report.
#[test]
fn a_real_pdf_s_text_layer_reads_as_the_report() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pdf/jilin_2026_pdf_parse.txt");
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(
        raw.contains('\u{2F2F}') && raw.contains("-- 1 of 21 --"),
        "the fixture as read"
    );
    let d = doc(&raw);
    check_offsets(&d);
    assert_eq!(d.title, "2026年吉林省政府工作报告");
    assert_eq!(d.district.as_deref(), Some("吉林省"));
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.speaker, speaker("胡玉亭", Some("省长")));
    assert_eq!(d.meeting.as_deref(), Some("第十四届人民代表大会第五次会议"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2026-01-27"));
    assert_eq!(d.period_reviewed, period(2025, 2025));
    let radical = |c: char| ('\u{2E80}'..='\u{2FDF}').contains(&c);
    assert!(!d.text.chars().any(radical));
    for furniture in ["of 21", "file:", "PM", "下载", "【字号"] {
        assert!(!d.text.contains(furniture), "{furniture}");
    }
    // Every sentence of the body ends with its mark: no line break cut one.
    let body: Vec<&str> = (d.sentences.iter())
        .map(|s| s.text.as_str())
        .skip_while(|s| !s.starts_with("现在"))
        .filter(|s| !s.starts_with("一、"))
        .collect();
    assert!(body.len() > 60);
    for s in &body {
        assert!(s.ends_with(['。', ':', '!', '?', ';']), "{s}");
    }
    let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
    for s in [
        "现在,我代表省政府,向大会报告工作,请予审议,并请省政协委员提出意见。",
        "强化工业支撑,大力纾困盘活“双停”企业,以丰补歉,食品、石化、医药、信息等产业增加值分别增长7.5%、11.5%、17.4%、7.3%。",
        "省内转化科技成果增长24%,技术合同成交额增长35.1%。",
        "认定雏鹰企业、瞪羚企业358户和种子独角兽企业1户。",
    ] {
        assert!(texts.contains(&s), "{s}");
    }
}

/// A copy of a page whose cells came out one a line (a reader's copy of the
/// page's text, a spreadsheet of crawled pages): each key of its header over
/// its value, the breadcrumb an item a line between its separators, a clock in
/// `时`/`分`, the dateline with its speaker on one line, a photo's long credited
/// caption. The header is metadata, the chrome goes, the report reads as ever.
#[test]
fn a_page_copied_cell_by_cell() {
    let raw = "分享:
某某省2030年政府工作报告
2030年1月20日在某某省第九届人民代表大会第二次会议上 某某省省长 王某某
首页
>
政务信息
>
宁夏要闻
>
省政府工作报告
某某省2030年政府工作报告
2030年1月20日在某某省第九届人民代表大会第二次会议上 某某省省长 王某某
时间:
2030-01-28 09:20
来源:
某某日报客户端
阅读量:
【字体:
2030年01月29日 07时41分
1月20日,某某省第九届人民代表大会第二次会议在省会开幕。省长王某某作政府工作报告。 某某日报记者 李某 摄
王某某作政府工作报告。
各位代表:
现在,我代表省人民政府向大会报告工作,请予审议。
一、2029年工作总结和“十五五”中期成效
过去一年,地区生产总值增长5.1%,城镇新增就业44.1万人。
二、2030年主要目标任务
今年经济社会发展的主要预期目标是:地区生产总值增长5%左右。
》》点击图片进入专题《《
相关文档:
更有百元购物卡、188元现金红包等你拿,100%中奖>>
";
    let d = doc(raw);
    check_offsets(&d);
    assert_eq!(d.title, "某某省2030年政府工作报告");
    assert_eq!(d.speaker, speaker("王某某", Some("省长")));
    assert_eq!(d.meeting.as_deref(), Some("第九届人民代表大会第二次会议"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-20"));
    assert_eq!(d.dates.published.as_deref(), Some("2030-01-28"));
    assert_eq!(d.period_reviewed, period(2029, 2029));
    assert_eq!(d.period_planned, period(2030, 2030));
    for chrome in [
        "分享",
        "政务信息",
        "要闻",
        ">",
        "时间",
        "09:20",
        "某作政府",
        "专题",
        "相关文档",
        "中奖",
        "客户端",
        "阅读量",
        "字体",
        "07时",
        "摄",
    ] {
        assert!(!d.text.contains(chrome), "{chrome} in {}", d.text);
    }
    // (The page shows its head twice: once is kept.)
    let heads = (d.text.lines()).filter(|l| *l == "某某省2030年政府工作报告");
    assert_eq!(heads.count(), 1, "{}", d.text);
    let first: Vec<&str> = d
        .sentences
        .iter()
        .take(3)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(first[0], "某某省2030年政府工作报告", "{first:?}");
    assert_eq!(first[2], "各位代表:", "{first:?}");
    // A breadcrumb's last item over the dateline is the title; a key whose
    // value the page left empty takes no line with it; keys in the body are
    // the report's (a schedule's `时间:`, a table's `来源:`).
    let raw = "首页\n>\n政务公开\n>\n某某市2030年政府工作报告\n——2030年1月20日在某某市第九届人民代表大会第二次会议上\n来源:\n市长 王某某\n各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。\n一、2029年工作回顾\n(一)第一阶段\n时间:\n2029年3月至6月\n完成了规划编制。\n来源:\n市统计局\n二、奋力推动2030年经济社会发展取得新成效\n今年经济社会发展的主要预期目标是:地区生产总值增长5%左右,城镇新增就业10万人以上。";
    let d = doc(raw);
    assert_eq!(d.title, "某某市2030年政府工作报告");
    assert_eq!(d.speaker, speaker("王某某", Some("市长")));
    assert_eq!(d.dates.published, None);
    assert_eq!(d.period_reviewed, period(2029, 2029));
    assert_eq!(d.period_planned, period(2030, 2030));
    for kept in ["时间:", "2029年3月至6月", "市统计局"] {
        assert!(d.text.contains(kept), "{kept} in {}", d.text);
    }
    assert!(!d.text.contains("政务公开"));
    // A title shown again as a sentence (`…工作报告。`) is shown once.
    let d = doc("2030年某某市人民政府工作报告\n2030年某某市人民政府工作报告。\n各位代表:\n现在,我代表市人民政府向大会作政府工作报告,请予审议。");
    assert_eq!(d.text.matches("工作报告").count(), 2, "{}", d.text);
    // A bare line of four characters is a speaker only with a two-character
    // surname: a channel's name (`张家新闻`) is none.
    let d = doc(
        "某某区政府工作报告\n张家新闻\n区长 李某\n各位代表:\n现在,我代表区人民政府向大会报告工作。",
    );
    assert_eq!(d.speaker, speaker("李某", Some("区长")));
    let d = doc("某某区政府工作报告\n欧阳某某\n各位代表:\n现在,我代表区人民政府向大会报告工作。");
    assert_eq!(d.speaker, speaker("欧阳某某", None));
    // A name transcribed from another language, its parts between dots.
    let d = doc("某某自治区政府工作报告\n自治区主席 阿不都·某某某\n各位代表:\n现在,我代表自治区人民政府向大会报告工作。");
    assert_eq!(d.speaker, speaker("阿不都·某某某", Some("主席")));
}

/// A heading whose label's opening bracket the copy broke off onto a line of
/// its own (`（` over `三）改革开放…`) is one heading, and keeps its bracket
/// (folded, as every full-width form).
#[test]
fn a_label_s_bracket_broken_off_stays_with_it() {
    let raw = "某某区政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、2029年工作回顾\n（一）经济运行稳中有进。\n地区生产总值增长5%。\n（\n二）改革开放持续深化。\n引进项目904个。\n（三）城乡发展齐头并进。\n新建道路12公里。";
    let d = doc(raw);
    check_offsets(&d);
    let labels: Vec<&str> = (d.sections.iter()).map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["一、", "(一)", "(二)", "(三)"]);
    assert!(d.text.contains("(二)改革开放持续深化。"), "{}", d.text);
    // A bracket alone before a line that is no label's rest goes, as before.
    let d = doc(
        "某某区政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n（\n引进项目904个。",
    );
    assert!(!d.text.contains('('), "{}", d.text);
}

/// A page that lost its parts' numbers (`“十四五”时期工作回顾`, `2030年重点工作`
/// on lines of their own) and whose dateline leaves out the first 第; under its
/// speaker a photo's caption and credit on one line.
#[test]
fn unnumbered_parts_and_a_dateline_without_its_first_di() {
    let raw = "2030年某某省政府工作报告
——二〇三〇年一月二十七日在某某省十四届人民代表大会第四次会议上
某某省省长 王某某
王某某作政府工作报告。某某日报记者 李某
各位代表:
现在,我代表省人民政府向大会报告工作,请予审议,并请省政协委员提出意见。
“十四五”时期工作回顾
五年来,全省地区生产总值年均增长5.5%,主要做了以下工作。
2030年重点工作
重点抓好八个方面工作:
（一）放大促消费扩投资政策效应
社会消费品零售总额增长5%左右,固定资产投资增长4%。
（二）加快建设现代化产业体系
规模以上工业增加值增长6%左右,数字经济核心产业增长10%。
";
    let d = doc(raw);
    check_offsets(&d);
    assert_eq!(d.meeting.as_deref(), Some("第十四届人民代表大会第四次会议"));
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-27"));
    assert!(!d.text.contains("李某"), "{}", d.text);
    let parts: Vec<(&str, Option<&str>)> = (d.sections.iter())
        .map(|s| (s.title.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(parts.len(), 4, "{parts:?}");
    assert_eq!(parts[1].0, "2030年重点工作", "{parts:?}");
    assert_eq!(parts[2].1, Some(d.sections[1].id.as_str()), "{parts:?}");
    // A dateline broken over two lines reads as one; a dash point of the text
    // stays apart from the line under it.
    let d = doc("某某区政府工作报告\n——2030年1月8日在某某区第九届\n人民代表大会第二次会议上\n区长 王某某\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。\n——经济运行稳中有进\n在全市会议上作交流\n地区生产总值增长5%,城镇新增就业1万人。");
    check_offsets(&d);
    assert!(
        d.text
            .contains("\n——2030年1月8日在某某区第九届人民代表大会第二次会议上\n"),
        "{}",
        d.text
    );
    assert!(d.text.contains("——经济运行稳中有进\n"), "{}", d.text);
    assert_eq!(d.meeting.as_deref(), Some("第九届人民代表大会第二次会议"));
}

#[test]
fn a_dateline_typed_with_hyphens_and_a_district_within_its_city() {
    // A plain-text copy types the dateline's dash as hyphens; the speaker's
    // government names the district within its city (nine characters) and
    // the role is an acting head's.
    let raw = "政 府 工 作 报 告
----2030年2月28日在某某市某某尔区第十三届人民代表大会第六次会议上
某某某市某某尔区人民政府代区长  萨某某
各位代表:
现在,我代表区政府向大会作工作报告,请予审议。
一、过去一年工作回顾
全区地区生产总值增长8%。
二、2030年工作安排
地区生产总值增长7%左右。
";
    let d = doc(raw);
    check_offsets(&d);
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-02-28"));
    assert_eq!(d.meeting.as_deref(), Some("第十三届人民代表大会第六次会议"));
    assert_eq!(d.speaker, speaker("萨某某", Some("代区长")));
    // A row of hyphens is a rule, not a dateline.
    let ruled = doc(&raw.replace(
        "----2030年2月28日在某某市某某尔区第十三届人民代表大会第六次会议上",
        "----------",
    ));
    assert_eq!(ruled.dates.delivered, None);
    assert_eq!(ruled.meeting, None);
}

#[test]
fn an_untitled_report_whose_opening_names_its_year() {
    // A copy that lost the title and the dateline; the opening says when
    // rather than `现在`, and a paper's two outlets credit a story.
    let d = doc("各位代表:
2030年,我代表某某市人民政府,向大会报告政府工作,请予审议,并请各位政协委员提出意见。
一、2029年工作回顾
全市地区生产总值增长6%。
");
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.kind, DocKind::WorkReport);
    let d = doc("读创/深圳商报记者 王某某 李某
9月27日上午,某某区第七次代表大会开幕,区委书记王某某代表区委向大会作报告。
会议回顾了过去五年的工作。
");
    assert!(!d.text.contains("记者"), "{}", d.text);
}

#[test]
fn hyphen_datelines_with_a_space_and_openings_that_are_no_speech() {
    let d = doc(
        "某某区(2026--2030)政府工作报告--2030年1月5日在某某区第七届人民代表大会第一次会议上
区长 王某某
各位代表:
现在,我代表区人民政府向大会报告工作,请予审议。
",
    );
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-01-05"));
    let d = doc("政府工作报告
---- 2030年2月28日在某某区第十三届人民代表大会第六次会议上
区长 王某某
各位代表:
现在,我代表区人民政府向大会报告工作,请予审议。
");
    assert_eq!(d.dates.delivered.as_deref(), Some("2030-02-28"));
    // A news lead quoting the opening is no speech: its title is not made up.
    let d = doc("区长张某说,我代表区人民政府向大会作工作报告,请予审议。
会议听取了报告。
");
    assert_ne!(d.title, "政府工作报告");
}

#[test]
fn keys_alone_over_values_past_blank_lines() {
    let d = doc("某某省2030年政府工作报告

时间:

2030-02-02 09:20

来源:

某某省人民政府

各位代表:
现在,我代表省人民政府向大会报告工作,请予审议,并请省政协委员提出意见。
");
    assert_eq!(d.dates.published.as_deref(), Some("2030-02-02"));
    for gone in ["时间", "09:20", "来源", "某某省人民政府\n"] {
        assert!(!d.text.contains(gone), "{gone} in {}", d.text);
    }
}

#[test]
fn a_party_congress_told_one_phrase_a_line() {
    // A news page setting its lead a phrase per line; the party's congress of a
    // district numbered from the first is the meeting, its place the district.
    let d = doc("中国共产党某某市长安区第四次代表大会胜利闭幕
发布时间:2030/03/01    来源:长安区政府

2月28日,

历时四天的

中国共产党某某市长安区第四次代表大会,

在300多名党代表的共同努力下,

圆满完成各项议程,

胜利闭幕。

大会应到会代表315名,实到309名,符合规定人数。
");
    check_offsets(&d);
    assert_eq!(d.kind, DocKind::PlenumReport);
    assert_eq!(d.district.as_deref(), Some("某某市长安区"));
    assert_eq!(
        d.sentences[1].text,
        "2月28日,历时四天的中国共产党某某市长安区第四次代表大会,在300多名党代表的共同努力下,圆满完成各项议程,胜利闭幕。"
    );
    // A federation's congress is not the party's.
    let d = doc("某某区妇女第四次代表大会开幕
9月2日,某某区妇女第四次代表大会开幕。
");
    assert_ne!(d.kind, DocKind::PlenumReport);
}

#[test]
fn a_first_part_of_the_years_work_looks_back() {
    // Delivered in December: the part on the year's work reviews it.
    let d = doc("政府工作报告
——2030年12月21日在某某区第三届人民代表大会第三次会议上
某某区人民政府区长 叶某某
各位代表:
现在,我代表区人民政府,向大会报告工作,请予审议。
第一部分 2030年工作情况
2030年是极不平凡的一年。
第二部分 2031年主要任务
全区地区生产总值增长5%。
");
    assert_eq!(
        d.period_reviewed,
        Some(Period {
            start: 2030,
            end: 2030
        })
    );
    assert_eq!(
        d.period_planned,
        Some(Period {
            start: 2031,
            end: 2031
        })
    );
}

#[test]
fn a_document_sites_notice_and_a_news_sites_name() {
    let d = doc("温馨提示:
1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。
2. 本文档由用户上传,版权归属用户,某某网负责整理代发布。
网站客服:3074922707
某某区2030年政府工作报告
各位代表:现在,我代表区人民政府向大会报告工作,请予审议。
");
    assert_eq!(d.title, "某某区2030年政府工作报告");
    for gone in ["温馨提示", "预览", "上传", "客服"] {
        assert!(!d.text.contains(gone), "{gone} in {}", d.text);
    }
    let d = doc("人民网
虹口区第十一次党代会召开时间确定
10月28日,中共上海市虹口区第十届委员会第十五次全体会议举行,决定中共上海市虹口区第十一次代表大会于2030年11月召开。
");
    assert!(!d.text.contains("人民网"), "{}", d.text);
}

#[test]
fn a_datasets_record_above_the_text_and_a_markdown_pages_notes() {
    let d = doc("标题：某某县2030年政府工作报告
发文单位：某某县人民政府
发文时间：2030-01-17
来源URL：https://example.gov.cn/info_show.asp?infoid=5666

正文：

政 府 工 作 报 告
2030年1月17日在某某县第十七届人民代表大会第三次会议上
各位代表：现在，我代表县人民政府向大会报告工作，请予审议。
");
    assert_eq!(d.dates.published.as_deref(), Some("2030-01-17"));
    for gone in ["标题", "发文单位", "来源URL", "正文"] {
        assert!(!d.text.contains(gone), "{gone} in {}", d.text);
    }
    // A Markdown page's notes under its title, and its title again as a
    // heading.
    let d = doc("某某区人民政府办公室关于印发2030年工作方案的通知

> 本文正文由脚本自官方公开页面提取，仅供检索查阅。

# 某某区人民政府办公室关于印发2030年工作方案的通知

各街道办事处，区政府各部门：现将工作方案印发给你们，请认真按照执行。
");
    assert_eq!(d.title, "某某区人民政府办公室关于印发2030年工作方案的通知");
    assert!(!d.text.contains("脚本"), "{}", d.text);
    assert!(!d.text.contains('#'), "{}", d.text);
    // Two keyed lines are a report's own.
    let d = doc("标题：某某县2030年政府工作报告
发文单位：某某县人民政府

各位代表：现在，我代表县人民政府向大会报告工作，请予审议。
");
    assert!(d.text.contains("发文单位"), "{}", d.text);
}

#[test]
fn a_speech_to_comrades_and_a_resolution_on_the_report_are_no_reports() {
    let d = doc("同志们:
今天的区委常委扩大会议,主要内容有两个:一是传达地区工作会议精神;二是听取区委常委对分管工作情况的汇报,同时提出了下一步工作安排。
");
    assert_eq!(d.kind, DocKind::Other);
    let d = doc("某某区第八届人民代表大会第六次会议关于政府工作报告的决议
(2030年1月8日某某区第八届人民代表大会第六次会议通过)
某某区第八届人民代表大会第六次会议,认真审议了区长代表区人民政府所作的《政府工作报告》。会议决定,批准这个报告。
");
    assert_eq!(d.kind, DocKind::Other);
}

#[test]
fn what_the_new_furniture_rules_must_leave_alone() {
    // Report sentences on uploads and downloads, a heading with 温馨提示, a
    // salutation ending in a comma, a heading after a line ending in one.
    let d = doc("2030年某某区政府工作报告
——2030年1月6日在某某区第三届人民代表大会第七次会议上
各位代表,
现在,我代表区人民政府向大会报告工作,请予审议。
一、2029年工作回顾
企业可在线上传、下载申报材料,实现档案文档在线预览和查询。
(一)及时发布预警温馨提示
开通政务服务客服热线,APP下载量突破50万次。
今年是“十五五”开局之年,
2030年主要预期目标
地区生产总值增长5%。
");
    for kept in [
        "企业可在线上传、下载申报材料",
        "及时发布预警温馨提示",
        "APP下载量突破50万次",
    ] {
        assert!(d.text.contains(kept), "{kept} lost: {}", d.text);
    }
    assert!(
        d.sentences.iter().any(|s| s.text == "各位代表,"),
        "{:?}",
        d.sentences
    );
    assert!(d.sentences.iter().any(|s| s.text == "2030年主要预期目标"));
    // Keyed lines whose values are clauses are the text's own.
    let d = doc("指导思想:坚持以新发展理念为指导,全面推进高质量发展。
主要目标:地区生产总值增长6%左右,城镇登记失业率控制在4%以内。
重点任务:聚焦高质量发展,着力扩大有效投资。

一、扎实推进产业转型升级
");
    assert!(d.text.contains("主要目标:"), "{}", d.text);
    // A heading between lines of lost symbols stays.
    let d = doc("2030年施政报告
?
一、引言
?
主席、各位议员:我们要推动经济发展,改善民生。
");
    assert_eq!(d.sections.len(), 1);
}

/// A report with no title line whose opening a mojibake run left with an
/// unknown character (`我代�`): still a government's work report, named as its
/// opening names it, reviewing the year before the one it plans.
#[test]
fn an_opening_with_an_unknown_character_still_names_the_report() {
    let d = doc("各位代表:
 我代\u{FFFD}某某区人民政府向大会作政府工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。
 一、2029年工作回顾
2029年,全区地区生产总值增长6%。
 二、2030年工作安排
2030年,全区地区生产总值预期增长5%。
");
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.title, "政府工作报告");
    assert_eq!(d.period_reviewed, period(2029, 2029));
    assert_eq!(d.period_planned, period(2030, 2030));
}

#[test]
fn a_district_named_only_bare_is_found_by_its_name() {
    // `我代表区人民政府`, and the district never in full: its bare name, far the
    // most frequent, names it; the city is named less.
    let body = "2014年,全面打造“新品质新盐田”,盐田港集装箱吞吐量增长,盐田人居环境改善,深圳东部中心建设加快,盐田河综合整治完成,沙头角与盐田片区协同发展,龙岗方向交通改善。";
    let d = doc(&format!("各位代表:\n现在,我代表区人民政府向大会作政府工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。\n一、2014年工作回顾\n{body}\n二、2015年主要工作\n2015年,继续推进盐田港发展。\n"));
    assert_eq!(d.district.as_deref(), Some("盐田区"));
    // A city's report names its districts about evenly: the city it stays.
    let body = "深圳市南山、福田、罗湖、宝安、龙岗、盐田各区协同发展,南山科技园、福田中心区、罗湖口岸、宝安机场、龙岗大运新城、盐田港建设加快,深圳经济总量增长。";
    let d = doc(&format!("各位代表:\n现在,我代表市人民政府向大会作政府工作报告,请予审议。\n一、2014年工作回顾\n{body}\n二、2015年主要工作\n2015年,深圳市继续推进各区发展。\n"));
    assert_eq!(d.district.as_deref(), Some("深圳市"));
}

/// A copy that starts in the middle of a committee's speech: `我谨代表` names
/// whom the speaker speaks for as `我代表` does, above the congress of the
/// district the new district was carved from.
#[test]
fn a_speaker_who_respectfully_speaks_for_a_new_district() {
    let d = doc("各位代表!一年来,我们坚持埋头干、创新干。这是在市委、市政府和新区党工委坚强领导下,在龙岗区人大、政协的监督支持下,新区上下团结拼搏的结果。在此,我谨代表大鹏新区管委会,向新区人民,向各位人大代表和政协委员致以崇高的敬意!\n二、2031年重点工作安排\n加快建设现代化产业体系,在龙岗区人大的监督下推进各项工作。\n");
    assert_eq!(d.district.as_deref(), Some("大鹏新区"));
    // A copy that starts at the salutation is the speech itself: the work
    // report of the body its speaker speaks for, not a plan for its heading.
    assert_eq!(d.kind, DocKind::WorkReport);
    assert_eq!(d.title, "管委会工作报告");
    assert_eq!(d.period_planned, period(2031, 2031));
    // One whose speaker speaks for no government nor committee is left alone.
    let d = doc("各位代表!我们向各位代表致以崇高的敬意!\n二、2031年重点工作安排\n加快建设现代化产业体系。\n");
    assert_ne!(d.title, "管委会工作报告");
    assert_ne!(d.title, "政府工作报告");
}

/// A term's first report with no date and no year in its title: the plan
/// ahead ends in the year its targets name (`到2030年`), so it was given four
/// years before, reviewing the five years until then; a figure after `至`
/// (`压降至1200万元`) or the long-range vision's year (`到2040年`) is no target
/// year, and neither are the years the review mentions.
#[test]
fn an_undated_terms_report_is_dated_by_its_plans_targets() {
    let d = doc("各位代表:\n现在,我代表某某区人民政府,向大会报告政府工作,请予审议。\n一、过去五年工作回顾\n区六届人大一次会议以来的五年,全区经济实力显著增强,债务规模压降至1200万元,特别是2025年以来,我们经受住了考验。2023年获评全省第一。\n二、未来五年主要任务和工作安排\n未来五年,我们将加快建设现代化城区。到2030年实现地区生产总值6000亿元,到2030年每万人拥有全科医生6.5人,到2040年基本建成现代化国际化城区。\n");
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2021, 2025), period(2026, 2030))
    );
    // A review headed by the session the term began at (`区六届人大一次会议以来
    // 的工作`) that tells of targets met (`到2025年` twice), and one target
    // ahead, in the part that plans.
    let d = doc("现在,我代表某某区人民政府向大会作工作报告,请予审议。\n一、区六届人大一次会议以来的工作\n五年来,我们提前完成到2025年的目标,到2025年的任务全面完成。\n二、未来五年发展目标和重点任务\n未来五年,我们将加快建设现代化城区,到2030年地区生产总值达到6000亿元。\n");
    assert_eq!(
        (d.period_reviewed, d.period_planned),
        (period(2021, 2025), period(2026, 2030))
    );
}
