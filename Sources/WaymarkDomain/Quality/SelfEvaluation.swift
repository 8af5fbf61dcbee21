import Foundation

/// The self-evaluation pack (issue 30, item 13): Ofsted's three questions, what we know about the quality and impact of
/// practice, how we know it, and what we are doing about it, answered from the audits, moderation and oversight
/// Waymark holds and the actions open, beside the narrative leaders write.
public enum SelfEvaluation {
    /// Ofsted's three questions, in order, with the field each narrative is typed in.
    public static let questions: [(field: String, question: String)] = [
        ("what-we-know", "What we know about the quality and impact of our practice"),
        ("how-we-know", "How we know it"),
        ("what-we-do", "What we are doing about it"),
    ]
    /// The most a narrative holds.
    public static let longestNarrative = 10_000

    /// Overall grades good or better over the first three and the last three months of the report's twelve: the
    /// direction of travel, each with its count and Wilson interval.
    public static func direction(_ report: QualityReport) -> (first: (good: Int, done: Int), last: (good: Int, done: Int)) {
        func sum(_ rows: ArraySlice<QualityReport.MonthRow>) -> (good: Int, done: Int) {
            rows.reduce((0, 0)) { ($0.0 + $1.grades.goodOrBetter, $0.1 + $1.grades.total) }
        }
        return (sum(report.trend.prefix(3)), sum(report.trend.suffix(3)))
    }

    /// The narratives as typed, checked: each at most 10,000 characters (they may be empty).
    public static func narratives(_ typed: (String) -> String) -> Result<[String: String], FieldMistakes> {
        var narratives: [String: String] = [:], mistakes: [FieldMistake] = []
        for (field, question) in questions {
            let text = typed(field).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.count > longestNarrative {
                mistakes.append(FieldMistake(field: field, message: "\"\(question)\" must be \(longestNarrative) characters or fewer"))
            }
            narratives[field] = text
        }
        return mistakes.isEmpty ? .success(narratives) : .failure(FieldMistakes(all: mistakes))
    }
}
