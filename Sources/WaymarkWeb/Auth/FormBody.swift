import NIOCore
import Vapor

/// The fields of a form body are counted before anything parses them: Vapor's URL-encoded form parser takes time
/// that grows with the square of a field repeated, so 40,000 repeats of one field held the server for 29 s.
/// No Waymark form has more than a few hundred fields (an API token's indicators).
public enum FormBody {
    public static let maximumFields = 1_000

    static func checkFieldCount(_ req: Request) throws {
        guard let body = req.body.data, let type = req.headers.contentType, let fields = fieldCount(body, type: type) else { return }
        guard fields <= maximumFields else {
            throw Abort(
                .payloadTooLarge,
                reason: "The form sent has more than \(maximumFields) fields, more than any Waymark form. Go back, reload the page and try again.")
        }
    }

    /// How many fields a URL-encoded or multipart body holds, counted without parsing it; nil for other bodies.
    public static func fieldCount(_ body: ByteBuffer, type: HTTPMediaType) -> Int? {
        if type == .urlEncodedForm {
            return body.readableBytesView.lazy.filter { $0 == UInt8(ascii: "&") }.count + 1
        }
        if type.type == "multipart", let boundary = type.parameters["boundary"], !boundary.isEmpty {
            return occurrences(of: Array(("--" + boundary).utf8), in: body.readableBytesView)
        }
        return nil
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
