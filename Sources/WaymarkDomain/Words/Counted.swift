/// Counts as people write them: "39,820", "1 child", "3 children" (GOV.UK style: a comma in numbers of four digits
/// or more).
public enum Counted {
    public static func number(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (count < 0 ? "-" : "") + grouped
    }

    /// The count and the word, made plural unless the count is 1: `phrase(3, "child", plural: "children")`.
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number(count)) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
