import Plot
import WaymarkRouting

/// 403, 404, 500 and the other error pages, in the same layout as every other page.
public enum ErrorPage {
    public struct Model: Sendable {
        public var status: Int
        public var title: String
        public var explanation: String
        public init(status: Int, title: String, explanation: String) {
            self.status = status
            self.title = title
            self.explanation = explanation
        }

        /// The plain-English words for a status code; `detail` is shown only for mistakes the person can fix.
        public static func forStatus(_ status: Int, detail: String?) -> Model {
            switch status {
            case 403:
                Model(
                    status: status, title: "You do not have access to this page",
                    explanation: detail ?? "Your role does not include this page. If you need it for your work, ask a Waymark administrator.")
            case 404:
                Model(
                    status: status, title: "Page not found",
                    explanation: "If you typed the web address, check it is correct. If you followed a link, the page may have moved.")
            case 413:
                Model(
                    status: status, title: "The file or form is too large",
                    explanation: detail ?? "What you sent is larger than Waymark accepts. Send a smaller file.")
            case 400..<500:
                Model(status: status, title: "Waymark could not use what was sent", explanation: detail ?? "Go back and try again.")
            default:
                Model(
                    status: status, title: "Sorry, there is a problem with Waymark",
                    explanation: "Try again later. If it keeps happening, tell the service desk the time it happened.")
            }
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(model.title)),
                .p(.class("lead"), .text(model.explanation)),
                .p(.a(.href(SiteURL.home.path), .text("Go to the Waymark home page"))),
                .p(.class("muted"), .text("Error code \(model.status)"))
            ))
    }
}
