//! Stable codes for classes of problems (`SD0401 broken-link`), for tools
//! that act on diagnostics: CI annotations, editors, scripts filtering the
//! JSON lines. A code, once given, keeps its number and name; the wording
//! of messages may change, the code may not. The README lists them all.
//!
//! Numbers are grouped by where the problem lies: 01 the file and its
//! frontmatter, 02 a field's value, 03 pages, references and the plan,
//! 04 links and Markdown, 05 data and charts, 06 the project's files,
//! themes and templates, 09 errors that stop a run before content is
//! checked.

/// Defines [`Code`] and its table in one list, so a code cannot lack a
/// number, name or meaning.
macro_rules! codes {
    ($($variant:ident = $id:literal $name:literal $meaning:literal,)*) => {
        /// The class of a problem; see the module documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(#[doc = $meaning] $variant,)*
        }

        impl Code {
            /// Every code, in number order.
            pub const ALL: &[Code] = &[$(Code::$variant),*];

            /// The number, as printed: `SD0401`.
            #[must_use]
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }

            /// The name, as printed after the number: `broken-link`.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// What it means, for the README's table.
            #[must_use]
            pub fn meaning(self) -> &'static str {
                match self { $(Code::$variant => $meaning,)* }
            }
        }
    };
}

codes! {
    Other = "SD0000" "other" "a problem that has no code of its own yet",
    EmptyFile = "SD0101" "empty-file" "the file is empty",
    MissingFrontmatter = "SD0102" "missing-frontmatter" "the file does not start with `---`",
    TomlFrontmatter = "SD0103" "toml-frontmatter" "TOML frontmatter (`+++`), which stratdoc does not read",
    UnclosedFrontmatter = "SD0104" "unclosed-frontmatter" "no `---` line ends the frontmatter",
    YamlSyntax = "SD0105" "yaml-syntax" "YAML that cannot be read: tabs, duplicate keys, unclosed lists, anchors that blow up, nesting too deep",
    NotKeyValue = "SD0106" "not-key-value" "frontmatter that is not `key: value` lines, or a key that is a list or mapping",
    UnreadableNumber = "SD0107" "unreadable-number" "a number written in a way stratdoc cannot keep as written",
    NotUtf8 = "SD0108" "not-utf8" "a page, template or charted CSV file that is not UTF-8 text",
    UnreadableFile = "SD0109" "unreadable-file" "a file or folder that cannot be read, a symbolic link that loops, a name that is not UTF-8",
    MissingField = "SD0201" "missing-field" "a required field is missing",
    UnknownField = "SD0202" "unknown-field" "a field stratdoc does not use; an error where it is close to a missing required field (`ower:`) or to a field of a typed page (`priorty:`)",
    WrongType = "SD0203" "wrong-type" "a value of the wrong type (`order: first`, `title: 2025`)",
    InvalidValue = "SD0204" "invalid-value" "a value that is not one of the allowed ones (`status: actve`)",
    UnquotedBoolean = "SD0205" "unquoted-boolean" "an unquoted `yes`, `no`, `on` or `off` where text is meant",
    BlankField = "SD0206" "blank-field" "a title, label or name that is blank",
    InvalidTime = "SD0207" "invalid-time" "a time that is not a quarter, half year or year, or before the year 1000",
    EndBeforeStart = "SD0208" "end-before-start" "an end before its start (an initiative, the period)",
    InvalidAmount = "SD0209" "invalid-amount" "a budget that is not an amount of money, has decimals below hundredths or is too large",
    InvalidId = "SD0210" "invalid-id" "an `id` that is not letters, digits, `-` and `_`",
    InvalidAddress = "SD0211" "invalid-address" "a web address or site path that is not one (`url`, `base_url`, `base_path`, `accessibility_statement`)",
    InvalidDate = "SD0212" "invalid-date" "a date that is not `YYYY-MM-DD`",
    InvalidSetting = "SD0213" "invalid-setting" "a setting in `stratdoc.yaml` that cannot be used: a currency code, a theme name, a label without both forms, `base_path` against `base_url`, a field stratdoc reads in `ignore_fields`",
    MissingPurpose = "SD0301" "missing-purpose" "no `content/purpose.md`, or a second purpose statement",
    DuplicateId = "SD0302" "duplicate-id" "two pages with the same id",
    AddressClash = "SD0303" "address-clash" "two files at one web address, a file at an address stratdoc writes, a file where a folder must be, a name too long for a file system",
    DuplicateNumber = "SD0304" "duplicate-number" "two pages of a kind with the same `number`",
    UnknownReference = "SD0305" "unknown-reference" "an unknown direction, initiative or parent id",
    ReferenceCycle = "SD0306" "reference-cycle" "a `depends_on` or `parent` cycle",
    NoDirection = "SD0307" "no-direction" "an initiative that serves no direction",
    PlanTooLong = "SD0308" "plan-too-long" "a plan or `period` longer than the roadmap's 40 quarters",
    SumTooLarge = "SD0309" "sum-too-large" "budgets that add up to more than stratdoc can hold",
    ContradictsNow = "SD0310" "contradicts-now" "a status that contradicts the plan's now",
    Timing = "SD0311" "timing" "a start before a dependency ends, a sub-initiative outside its parent, a milestone outside its initiative, a time outside the `period`",
    NestedTooDeep = "SD0312" "nested-too-deep" "a sub-initiative nested deeper than lists show",
    UnservedDirection = "SD0313" "unserved-direction" "a direction no initiative serves",
    UntitledPage = "SD0314" "untitled-page" "a plain page with no title and no `#` heading",
    PrintEntry = "SD0315" "print-entry" "a `print:` entry that is neither a part nor a plain page, or is listed twice",
    BrokenLink = "SD0401" "broken-link" "a link or image to a file that does not exist",
    BrokenAnchor = "SD0402" "broken-anchor" "a `#anchor` that is not a heading of its page",
    FolderLink = "SD0403" "folder-link" "a link to a folder that has no page of its own",
    LinkOutside = "SD0404" "link-outside" "a link out of `content/`, with `\\`, to a path on one computer, or with a `:` in its path",
    RefusedLink = "SD0405" "refused-link" "a `javascript:`, `vbscript:`, `data:` or `file:` link",
    DraftLink = "SD0406" "draft-link" "a link to a draft page, in a build without `--drafts`",
    SiteRootLink = "SD0407" "site-root-link" "a link that starts with `/` or `//`",
    HeadingLevel = "SD0408" "heading-level" "a second `#` heading, or a heading that skips a level",
    FramingHtml = "SD0409" "framing-html" "raw HTML that brings in another document (`<iframe>`, `<object>`, `<base>`, …), in a page or a template",
    ScriptInFile = "SD0410" "script-in-file" "with `allow_html: false`, an `.html` or `.svg` file that carries script",
    MissingDataFile = "SD0501" "missing-data-file" "a `data:` file that does not exist",
    DataPath = "SD0502" "data-path" "a `data:` path outside `content/`, or `charts` without `data:`",
    NotCsv = "SD0503" "not-csv" "a charted `data:` file that is not a CSV file",
    CsvSyntax = "SD0504" "csv-syntax" "a CSV row with the wrong number of values, or a file that is not CSV",
    ChartColumn = "SD0505" "chart-column" "a chart's column that the file does not have, or no column of numbers",
    ChartValue = "SD0506" "chart-value" "a figure a chart cannot draw: not a number, below 0, too large",
    TooManySeries = "SD0507" "too-many-series" "a chart with more than 30 series",
    ChartId = "SD0508" "chart-id" "two charts with one id, or a `chart` block naming no chart of the page",
    OutsideProject = "SD0601" "outside-project" "a symbolic link or path that leads out of the project (a logo, a theme)",
    HiddenFile = "SD0602" "hidden-file" "a hidden file or folder named as an input, a link or a `data:`",
    OwnOutput = "SD0603" "own-output" "a link into a folder stratdoc wrote",
    MissingTheme = "SD0604" "missing-theme" "a `theme:` with no folder `themes/NAME/`",
    TemplateCycle = "SD0605" "template-cycle" "templates that extend, include or import each other in a ring, or nest over 100 levels",
    NotAProject = "SD0901" "not-a-project" "the folder has no `stratdoc.yaml` or `content/`",
    Io = "SD0902" "io" "a file or folder could not be read or written",
    TemplateFailed = "SD0903" "template-failed" "a template failed to load or render",
    RefusedOutput = "SD0904" "refused-output" "an output folder or file stratdoc may not write, a folder `init` will not fill",
    Print = "SD0905" "print" "no browser to print with, or the print failed",
    BuildDate = "SD0906" "build-date" "`SOURCE_DATE_EPOCH` is not a build date",
    Interrupted = "SD0907" "interrupted" "stopped by a signal",
    Git = "SD0908" "git" "a revision to compare with that cannot be read: no git repository, no such revision, no project there, or errors in it",
    Usage = "SD0909" "usage" "an argument a command cannot use: an unknown kind, a title with no letter or digit to name a file",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.id(), self.name())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_code_has_its_own_number_and_name() {
        let ids: HashSet<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        let names: HashSet<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(ids.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
        for code in Code::ALL {
            let id = code.id();
            assert!(id.len() == 6 && id.starts_with("SD"), "{id}");
            assert!(id[2..].bytes().all(|b| b.is_ascii_digit()), "{id}");
            assert!(
                code.name()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{code}"
            );
        }
        let mut sorted = Code::ALL.to_vec();
        sorted.sort_by_key(|c| c.id());
        assert_eq!(sorted, Code::ALL, "listed in number order");
    }

    #[test]
    fn the_readme_lists_every_code() {
        let readme = include_str!("../../README.md");
        for code in Code::ALL {
            let row = format!("| `{}` | `{}` | {} |", code.id(), code.name(), code.meaning());
            assert!(readme.contains(&row), "README lacks the row\n{row}");
        }
    }
}
