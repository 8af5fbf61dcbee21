/// The words Annex A writes for the returns' codes. Sex, ethnicity and yes/no take the lettered choices of Ofsted's
/// template ("a) Male", "a) WBRI"); the other codes are written "code: words" (or "N1 - Abuse or neglect" for need,
/// as the template's example has it). A code not in a list is written as it is.
enum AnnexACodes {
    static func sex(_ code: String?) -> String? {
        switch code {
        case "M", "1": "a) Male"
        case "F", "2": "b) Female"
        case nil: nil
        default: "c) Not stated/recorded"
        }
    }

    /// The DfE's ethnicity codes in the template's order (its example has "i) MOTH", "k) APKN", "s) NOBT").
    static let ethnicities = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "NOBT", "REFU",
    ]

    static func ethnicity(_ code: String?) -> String? {
        guard let code else { return nil }
        guard let index = ethnicities.firstIndex(of: code) else { return code }
        return "\(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))))) \(code)"
    }

    static func primaryNeed(_ code: String?) -> String? {
        let words = [
            "N0": "Not stated", "N1": "Abuse or neglect", "N2": "Child's disability", "N3": "Parental illness or disability",
            "N4": "Family in acute stress", "N5": "Family dysfunction", "N6": "Socially unacceptable behaviour", "N7": "Low income",
            "N8": "Absent parenting", "N9": "Cases other than children in need",
        ]
        return code.map { words[$0].map { word in "\(code!) - \(word)" } ?? $0 }
    }

    static func categoryOfNeed(_ code: String?) -> String? { primaryNeed(code) }

    static func abuse(_ code: String?) -> String? {
        let words = ["NEG": "Neglect", "PHY": "Physical abuse", "EMO": "Emotional abuse", "SAB": "Sexual abuse", "MUL": "Multiple"]
        return code.map { words[$0] ?? $0 }
    }

    static func legalStatus(_ code: String?) -> String? {
        let words = [
            "C1": "Interim care order", "C2": "Full care order", "D1": "Freeing order granted", "E1": "Placement order granted",
            "J1": "Remanded to local authority accommodation or youth detention", "J2": "Placed in local authority accommodation under PACE",
            "J3": "Sentenced to a youth rehabilitation order with residence requirement", "L1": "Under police protection",
            "L2": "Emergency protection order", "L3": "Child assessment order", "V2": "Single period of accommodation under section 20",
            "V3": "Accommodated under an agreed series of short-term breaks",
            "V4": "Accommodated under an agreed series of short-term breaks, individual episodes",
        ]
        return code.map { words[$0].map { word in "\(code!): \(word)" } ?? $0 }
    }

    static func placementType(_ code: String?) -> String? {
        let words = [
            "A3": "Placed for adoption with parental consent, with current foster carer",
            "A4": "Placed for adoption with parental consent, not with current foster carer",
            "A5": "Placed for adoption with placement order, with current foster carer",
            "A6": "Placed for adoption with placement order, not with current foster carer",
            "K1": "Secure children's home", "K2": "Children's home", "P1": "Placed with own parents", "P2": "Independent living",
            "P3": "Residential employment", "R1": "Residential care home", "R2": "NHS or health trust", "R3": "Family centre or mother and baby unit",
            "R5": "Young offender institution or prison", "S1": "All residential schools", "T0": "Temporary placement",
            "U1": "Foster placement with relative or friend, long term",
            "U2": "Foster placement with relative or friend, fostering for adoption", "U3": "Foster placement with relative or friend, not long term",
            "U4": "Foster placement with other foster carer, long term", "U5": "Foster placement with other foster carer, fostering for adoption",
            "U6": "Foster placement with other foster carer, not long term", "Z1": "Other placements",
        ]
        return code.map { words[$0].map { word in "\(code!): \(word)" } ?? $0 }
    }

    /// The case system's suitability of accommodation: 1 suitable, 2 unsuitable.
    static func suitability(_ code: String?) -> String? {
        switch code {
        case "1", "Suitable": "a) Suitable"
        case "2", "Unsuitable": "b) Unsuitable"
        default: code
        }
    }
}
