//! Word .docx bodies read as text.

use baogao::docx::{body_text, text_of};

#[test]
fn paragraphs_tables_tabs_and_breaks() {
    let xml = "<w:body><w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:t xml:space=\"preserve\">要求 </w:t></w:r></w:p>\
        <w:p/><w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙 &amp; 丁&#x3002;</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2020年</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p><w:r><w:t>GDP</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:r><w:delText>删</w:delText><w:instrText>PAGE</w:instrText><w:t>完</w:t></w:r></w:p></w:body>";
    assert_eq!(
        body_text(xml),
        "一、总体要求\n甲\t乙\n丙 & 丁。\n指标\t2020年\nGDP\t5000\n完\n"
    );
}

#[test]
fn what_is_no_word_document_says_so() {
    assert!(text_of(b"PK\x03\x04 not really a zip").is_err());
    assert!(text_of(b"plain text").is_err());
}

proptest::proptest! {
    #[test]
    fn reading_a_body_never_panics(s in "[<>/&;#wtpbrc: 一二区。a-z\"=]{0,200}") {
        let _ = body_text(&s);
    }
}
