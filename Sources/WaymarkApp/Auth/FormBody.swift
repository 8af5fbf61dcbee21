import NIOCore
import Vapor

/// The fields of a form body are counted before anything parses them: Vapor's URL-encoded form parser takes time
/// that grows with the square of a field repeated, so 40,000 repeats of one field held the server for 29 s.
/// No Waymark form has more than a few hundred fields (an API token's indicators).
enum FormBody {
    static let maximumFields = 1_000

    static func checkFieldCount(_ req: Request) throws {
        guard let body = req.body.data, let type = req.headers.contentType else { return }
        let fields: Int
        if type == .urlEncodedForm {
            fields = body.readableBytesView.lazy.filter { $0 == UInt8(ascii: "&") }.count + 1
        } else if type.type == "multipart", let boundary = type.parameters["boundary"], !boundary.isEmpty {
            fields = occurrences(of: Array(("--" + boundary).utf8), in: body.readableBytesView)
        } else {
            return
        }
        guard fields <= maximumFields else {
            throw Abort(.payloadTooLarge, reason: "The form sent has more than \(maximumFields) fields. Go back, reload the page and try again.")
        }
    }

    /// How many times the bytes occur, not overlapping.
    private static func occurrences(of needle: [UInt8], in haystack: ByteBufferView) -> Int {
        guard let first = needle.first else { return 0 }
        var count = 0, index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: first) {
            if haystack[found...].starts(with: needle) {
                count += 1
                index = haystack.index(found, offsetBy: needle.count)
            } else {
                index = haystack.index(after: found)
            }
        }
        return count
    }
}
