//! Character-level repair on the seed reports: pinyin, mojibake, lost chars, script.

use baogao::clean::{detect_script, repair, to_simplified};
use baogao::model::{fold_width, MarkKind, Script, UNKNOWN_CHAR};

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let entry = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(entry).unwrap()
}

#[test]
fn probe() {
    for p in ["000", "001", "002", "003", "004"] {
        let t = std::time::Instant::now();
        let c = repair(&seed(p));
        eprintln!("{p} {:?} {:?} {:?}", c.repairs, c.script, t.elapsed());
        for m in &c.marks {
            let cs: Vec<char> = c.text.chars().collect();
            let a = m.start.saturating_sub(4) as usize;
            let b = (m.end as usize + 6).min(cs.len());
            let s: String = cs[a..b].iter().collect();
            eprintln!("  {:?} {}", m.kind, s.replace('\n', "⏎"));
        }
    }
}
