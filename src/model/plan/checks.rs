//! What one item of the plan must agree on within itself, checked as its
//! file is read (so a draft's mistakes are reported too): `end` not before
//! `start`, both inside the config's `period`, milestones inside them.

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::plan::{Dated, PlanFields};
use crate::model::{FieldId, Page, Value};

/// Reports what `page`, an item of the plan, contradicts in itself.
pub(crate) fn check_page(
    page: &Page,
    fields: &PlanFields,
    config: &Config,
    diags: &mut Diagnostics,
) {
    let dated = |field: FieldId| -> Dated {
        let slot = page.slot(field)?;
        slot.value.time().map(|when| (when, slot.span.clone()))
    };
    let (start, end) = (dated(fields.start), dated(fields.end));
    if let (Some((start, start_span)), Some((end, end_span))) = (&start, &end) {
        if end.last() < start.first() {
            diags.push(
                Diagnostic::error(
                    end_span.clone(),
                    format!("the initiative ends ({end}) before it starts ({start})"),
                )
                .code(Code::EndBeforeStart)
                .also(start_span.clone(), "starts here")
                .help("`end` must be the same quarter as `start` or later".to_owned()),
            );
        }
    }
    if let Some(period) = &config.period {
        for (when, span) in [&start, &end].into_iter().flatten() {
            if when.last() < period.start || when.first() > period.end {
                diags.push(
                    Diagnostic::warning(
                        span.clone(),
                        format!("{when} is outside the action plan's period"),
                    )
                    .code(Code::Timing)
                    .help(format!(
                        "`period` in stratdoc.yaml runs from {} to {}",
                        period.start, period.end
                    )),
                );
            }
        }
    }
    let range = start.as_ref().map(|s| s.0.first()).zip(end.as_ref().map(|e| e.0.last()));
    let (Some((start, end)), Some(Value::Milestones(milestones))) =
        (range, page.value(fields.milestones))
    else {
        return;
    };
    for m in milestones {
        let q = m.quarter;
        if q.last() < start || q.first() > end {
            diags.push(
                Diagnostic::warning(
                    m.at.clone(),
                    format!("milestone in {q} lies outside the initiative ({start} to {end})"),
                )
                .code(Code::Timing)
                .help("move the milestone or widen `start`/`end`".to_owned()),
            );
        }
    }
}
