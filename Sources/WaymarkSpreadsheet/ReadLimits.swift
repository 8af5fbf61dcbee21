/// How much of one file the readers take before refusing it. A file past a limit is refused with where and why, before
/// it can take the server's stack or memory: a few kilobytes of XML nested 100,000 deep, a workbook that unpacks to
/// gigabytes whatever its headers say, a CSV line of millions of empty fields. The defaults sit far above any real
/// return (the largest council's SSDA903 episodes file is some 20,000 rows; no DfE schema nests deeper than 6); the
/// server's settings may change each (`WAYMARK_MAX_XML_DEPTH`, …).
public struct ReadLimits: Sendable, Equatable {
    /// Elements open at once in an XML file or a workbook part.
    public var xmlDepth: Int
    /// Records in one CSV file or sheet, header included.
    public var rows: Int
    /// Fields in one record.
    public var fieldsPerRow: Int
    /// Bytes in one field or one element's text.
    public var valueBytes: Int
    /// Bytes one workbook part may unpack to, counted as it unpacks.
    public var unpackedBytes: Int

    public init(
        xmlDepth: Int = 64, rows: Int = 1_000_000, fieldsPerRow: Int = 1_000, valueBytes: Int = 1_048_576,
        unpackedBytes: Int = 200 * 1_048_576
    ) {
        self.xmlDepth = xmlDepth
        self.rows = rows
        self.fieldsPerRow = fieldsPerRow
        self.valueBytes = valueBytes
        self.unpackedBytes = unpackedBytes
    }

    public static let standard = ReadLimits()
}
