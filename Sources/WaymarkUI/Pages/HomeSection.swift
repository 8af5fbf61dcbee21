/// One area's part of a person's home page: what needs them there today, most urgent first, each item a link.
public struct HomeSection: Sendable {
    public struct Item: Sendable {
        public var text: String
        public var href: String
        /// Where it stands, in words: "12 working days overdue", "Due today", "Red: 158 against a target of 120".
        public var status: String
        public var urgent: Bool
        public init(text: String, href: String, status: String, urgent: Bool) {
            self.text = text
            self.href = href
            self.status = status
            self.urgent = urgent
        }
    }

    public var title: String
    /// A sentence with the counts: "4 overdue, 1 due today and 7 due in the next five working days."
    public var summary: String
    public var items: [Item]
    /// Where the whole list is: "Open the daily tracker".
    public var more: (text: String, href: String)?

    public init(title: String, summary: String, items: [Item], more: (text: String, href: String)? = nil) {
        self.title = title
        self.summary = summary
        self.items = items
        self.more = more
    }

    /// The most a home page lists of one area's items; the rest are a click away.
    public static let itemsShown = 8
}
