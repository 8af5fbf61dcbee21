import Foundation
import Vapor

extension Response {
    /// A rendered page. Like every answer it is kept by no cache (`SecurityHeadersMiddleware`).
    package static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    /// A file to download (a PDF, a workbook, a CSV), named for the browser to save it as.
    package static func attachment(_ data: Data, named name: String, type: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
