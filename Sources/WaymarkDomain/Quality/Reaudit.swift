/// A case graded inadequate overall is audited again (the issue: "an audit graded Inadequate overall schedules a
/// re-audit of the same child, default within 3 months"): due that many months after its grades were settled, and
/// drawn into the next programme set up, whatever its cohort or exclusion window.
public enum Reaudit {
    public static let defaultMonths = 3

    /// Whether an overall grade (its place on the scale, 0 the best) is the scale's worst: inadequate on Ofsted's four.
    public static func isInadequate(overall: Int, scaleSize: Int) -> Bool { scaleSize > 0 && overall == scaleSize - 1 }

    public static func due(settledOn day: ISODay, months: Int) -> ISODay { day.adding(months: months) }
}
