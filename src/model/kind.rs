//! The kinds of page a strategy is made of, and where each lives.

/// What a page is; decided by its top folder under `content/` or by `kind:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `content/purpose.md`: the purpose statement, shown on the front page.
    Purpose,
    /// `content/narrative/`: a chapter of the core narrative.
    Narrative,
    /// `content/directions/`: a strategic direction.
    Direction,
    /// `content/initiatives/`: an initiative of the action plan.
    Initiative,
    /// `content/analysis/`: part of the environment analysis.
    Analysis,
    /// Anything else.
    Page,
}

impl Kind {
    /// The names accepted by `kind:`.
    pub const NAMES: [(&'static str, Kind); 6] = [
        ("purpose", Kind::Purpose),
        ("narrative", Kind::Narrative),
        ("direction", Kind::Direction),
        ("initiative", Kind::Initiative),
        ("analysis", Kind::Analysis),
        ("page", Kind::Page),
    ];

    /// The kind implied by a path relative to `content/`.
    #[must_use]
    pub fn from_path(rel: &str) -> Kind {
        match rel.split_once('/') {
            None if rel == "purpose.md" => Kind::Purpose,
            Some(("narrative", _)) => Kind::Narrative,
            Some(("directions", _)) => Kind::Direction,
            Some(("initiatives", _)) => Kind::Initiative,
            Some(("analysis", _)) => Kind::Analysis,
            _ => Kind::Page,
        }
    }

    /// Position in reading order: purpose, narrative, directions, initiatives, analysis, pages.
    #[must_use]
    pub fn rank(self) -> usize {
        Kind::NAMES.iter().position(|(_, k)| *k == self).unwrap_or(Kind::NAMES.len())
    }

    /// The folder of the kind's overview page (`directions`), if it has one.
    #[must_use]
    pub fn section(self) -> Option<&'static str> {
        match self {
            Kind::Narrative => Some("narrative"),
            Kind::Direction => Some("directions"),
            Kind::Initiative => Some("initiatives"),
            Kind::Analysis => Some("analysis"),
            Kind::Purpose | Kind::Page => None,
        }
    }

    /// The URL of the kind's overview page (`directions/index.html`), if it has one.
    #[must_use]
    pub fn overview_url(self) -> Option<String> {
        self.section().map(|section| format!("{section}/index.html"))
    }
}
