//! The optional catalog (`seeds/catalog.toml`): per document id, a source URL and
//! overrides for metadata the text does not state or states wrongly.
//!
//! The parser must find on its own everything the text states; the catalog only
//! adds what is outside the text (where the page came from) or corrects it.

use crate::model::{Doc, DocKind, Period, Speaker};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    #[serde(default)]
    doc: BTreeMap<String, Entry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    source_url: Option<String>,
    title: Option<String>,
    district: Option<String>,
    /// A [`DocKind::id`]: `work_report`, `work_plan` …
    kind: Option<String>,
    published: Option<String>,
    delivered: Option<String>,
    /// `[first, last]` year, inclusive.
    period_reviewed: Option<[i32; 2]>,
    period_planned: Option<[i32; 2]>,
    speaker: Option<String>,
    speaker_role: Option<String>,
    meeting: Option<String>,
}

/// Why a catalog could not be applied.
#[derive(Debug)]
pub enum CatalogError {
    /// Not valid TOML, or an unknown field.
    Syntax(toml::de::Error),
    /// An entry names a kind that does not exist.
    UnknownKind { doc: String, kind: String },
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Syntax(e) => write!(f, "catalog is not valid: {e}"),
            CatalogError::UnknownKind { doc, kind } => {
                write!(f, "catalog entry {doc}: unknown kind {kind:?}")
            }
        }
    }
}

impl std::error::Error for CatalogError {}

/// Applies the catalog entry for `doc.id`, if any; returns whether there was one.
pub fn apply_catalog(doc: &mut Doc, catalog: &str) -> Result<bool, CatalogError> {
    let mut cat: Catalog = toml::from_str(catalog).map_err(CatalogError::Syntax)?;
    let Some(e) = cat.doc.remove(&doc.id) else {
        return Ok(false);
    };
    if let Some(k) = e.kind {
        doc.kind = DocKind::from_id(&k).ok_or(CatalogError::UnknownKind {
            doc: doc.id.clone(),
            kind: k,
        })?;
    }
    let period = |p: [i32; 2]| Period {
        start: p[0],
        end: p[1],
    };
    doc.source_url = e.source_url.or(doc.source_url.take());
    doc.title = e.title.unwrap_or(std::mem::take(&mut doc.title));
    doc.district = e.district.or(doc.district.take());
    doc.dates.published = e.published.or(doc.dates.published.take());
    doc.dates.delivered = e.delivered.or(doc.dates.delivered.take());
    doc.period_reviewed = e.period_reviewed.map(period).or(doc.period_reviewed);
    doc.period_planned = e.period_planned.map(period).or(doc.period_planned);
    doc.meeting = e.meeting.or(doc.meeting.take());
    if let Some(name) = e.speaker {
        doc.speaker = Some(Speaker {
            name,
            role: e.speaker_role,
        });
    } else if let (Some(role), Some(sp)) = (e.speaker_role, doc.speaker.as_mut()) {
        sp.role = Some(role);
    }
    Ok(true)
}
