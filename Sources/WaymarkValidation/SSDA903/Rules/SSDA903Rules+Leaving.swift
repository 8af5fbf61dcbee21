import WaymarkDomain
import WaymarkReturns

/// Care leavers (OC3), unaccompanied asylum-seeking children, and adoption (AD1 and the decisions to place for adoption).
extension SSDA903Rules {
    static let careLeavers: [SSDA903Rule] = [
        SSDA903Rule("131", [.oc3: [.inTouch]]) { $0.notIn(.oc3, .inTouch, SSDA903Codes.inTouch, blankAllowed: false) },
        SSDA903Rule("132", [.oc3: [.activity]]) { $0.notIn(.oc3, .activity, SSDA903Codes.activity) },
        SSDA903Rule("133", [.oc3: [.accommodation]]) { $0.notIn(.oc3, .accommodation, SSDA903Codes.accommodation) },
        SSDA903Rule("153", [.oc3: [.activity, .accommodation]]) { data in
            let activity = data[.oc3]![.activity], accommodation = data[.oc3]![.accommodation]
            return data.rows(.oc3) { activity[$0].isEmpty != accommodation[$0].isEmpty }
        },
        // Died, or back home with parents for six months or more: nothing more to say about activity or accommodation.
        SSDA903Rule("344", [.oc3: [.inTouch, .activity, .accommodation]]) { data in
            let touch = data[.oc3]![.inTouch], activity = data[.oc3]![.activity], accommodation = data[.oc3]![.accommodation]
            return data.rows(.oc3) { ["DIED", "RHOM"].contains(touch[$0]) && (!activity[$0].isEmpty || !accommodation[$0].isEmpty) }
        },
        SSDA903Rule("345", [.oc3: [.inTouch, .activity, .accommodation]]) { data in
            let touch = data[.oc3]![.inTouch], activity = data[.oc3]![.activity], accommodation = data[.oc3]![.accommodation]
            return data.rows(.oc3) { touch[$0] == "YES" && (activity[$0].isEmpty || accommodation[$0].isEmpty) }
        },
        // T is a foyer or similar supported accommodation for young people.
        SSDA903Rule("347", [.oc3: [.dob, .accommodation]]) { data in
            let born = data[.oc3]!.days(.dob), accommodation = data[.oc3]![.accommodation]
            return data.rows(.oc3) { accommodation[$0].hasPrefix("T") && Days.isDay(born[$0]) && Days.age(born: born[$0], on: data.year.end) < 18 }
        },
        SSDA903Rule("391", [.oc3: [.dob]]) { data in
            let born = data[.oc3]!.days(.dob)
            return data.rows(.oc3) { row in
                guard Days.isDay(born[row]) else { return false }
                return Days.age(born: born[row], on: data.year.end) < 17 || Days.age(born: born[row], on: data.year.start) > 21
            }
        },
        SSDA903Rule("134", [.ad1: [.child], .oc3: [.child]]) { data in
            let leavers = Set(data[.oc3]![.child]), adopted = data[.ad1]![.child]
            return data.rows(.ad1) { leavers.contains(adopted[$0]) }
        },
    ]

    static let asylum: [SSDA903Rule] = [
        SSDA903Rule("104", [.uasc: [.duc]]) { $0.notADay(.uasc, .duc) },
        // The header's UASC status is the XML form's (an optional column): the rules reading it run only where it is.
        SSDA903Rule("105", [.header: [.uascStatus]]) { $0.notIn(.header, .uascStatus, SSDA903Codes.yesNo, blankAllowed: false) },
        SSDA903Rule("303", [.header: [.uascStatus], .uasc: [.duc]], needs: [.header]) { data in
            let status = data[.header]![.uascStatus]
            return data.statusCeasedWhere { child in data.headerRow[child].map { status[$0] } != "1" }
        },
        SSDA903Rule("304", [.uasc: [.dob, .duc]]) { data in
            let born = data[.uasc]!.days(.dob), ceased = data[.uasc]!.days(.duc)
            return data.rows(.uasc) { Days.isDay(born[$0]) && Days.isDay(ceased[$0]) && ceased[$0] > Days.birthday(18, born: born[$0]) }
        },
    ]

    static let adoption: [SSDA903Rule] = [
        SSDA903Rule("112", [.ad1: [.dateInterest]]) { $0.notADay(.ad1, .dateInterest) },
        SSDA903Rule("113", [.ad1: [.dateMatch]]) { $0.notADay(.ad1, .dateMatch) },
        SSDA903Rule("114", [.ad1: [.fosterCare]]) { $0.notIn(.ad1, .fosterCare, SSDA903Codes.yesNo) },
        SSDA903Rule("175", [.ad1: [.numberOfAdopters]]) { $0.notIn(.ad1, .numberOfAdopters, SSDA903Codes.numberOfAdopters) },
        SSDA903Rule("176", [.ad1: [.sexOfAdopters]]) { $0.notIn(.ad1, .sexOfAdopters, SSDA903Codes.sexOfAdopters) },
        SSDA903Rule("177", [.ad1: [.legalStatusOfAdopters]]) { $0.notIn(.ad1, .legalStatusOfAdopters, SSDA903Codes.legalStatusOfAdopters) },
        SSDA903Rule("151", [.ad1: adoptionItems]) { data in
            let columns = adoptionItems.map { data[.ad1]![$0] }
            return data.rows(.ad1) { row in columns.contains { $0[row].isEmpty } && columns.contains { !$0[row].isEmpty } }
        },
        adopters("511") { number, sex, _ in number == "2" && !["MM", "FF", "MF"].contains(sex) },
        adopters("514") { number, _, status in status == "L0" && number == "2" },
        adopters("517") { _, sex, status in status == "L3" && sex != "MF" },
        adopters("518") { _, sex, status in status == "L4" && !["MM", "FF"].contains(sex) },
        adopters("519") { _, sex, status in status == "L2" && !["MM", "FF", "MF"].contains(sex) },
        adopters("520") { _, sex, status in status == "L11" && ["MM", "FF"].contains(sex) },
        adopters("524") { _, sex, status in status == "L12" && !["MM", "FF"].contains(sex) },
        SSDA903Rule("333", [.ad1: [.dateInterest, .dateMatch]]) { data in
            let interest = data[.ad1]!.days(.dateInterest), match = data[.ad1]!.days(.dateMatch)
            return data.rows(.ad1) { Days.isDay(interest[$0]) && Days.isDay(match[$0]) && interest[$0] > match[$0] }
        },
        SSDA903Rule("115", [.placedForAdoption: [.datePlaced]]) { $0.notADay(.placedForAdoption, .datePlaced, required: true) },
        SSDA903Rule("116", [.placedForAdoption: [.datePlacedCeased]]) { $0.notADay(.placedForAdoption, .datePlacedCeased) },
        SSDA903Rule("120", [.placedForAdoption: [.reasonPlacedCeased]]) {
            $0.notIn(.placedForAdoption, .reasonPlacedCeased, SSDA903Codes.reasonPlacedCeased)
        },
        SSDA903Rule("119", [.placedForAdoption: [.datePlacedCeased, .reasonPlacedCeased]]) { data in
            let ceased = data[.placedForAdoption]![.datePlacedCeased], reason = data[.placedForAdoption]![.reasonPlacedCeased]
            return data.rows(.placedForAdoption) { ceased[$0].isEmpty != reason[$0].isEmpty }
        },
        SSDA903Rule("184", [.placedForAdoption: [.dob, .datePlaced]]) { data in
            let born = data[.placedForAdoption]!.days(.dob), placed = data[.placedForAdoption]!.days(.datePlaced)
            return data.rows(.placedForAdoption) { Days.isDay(born[$0]) && Days.isDay(placed[$0]) && placed[$0] < born[$0] }
        },
        SSDA903Rule("522", [.placedForAdoption: [.datePlaced, .datePlacedCeased]]) { data in
            let placed = data[.placedForAdoption]!.days(.datePlaced), ceased = data[.placedForAdoption]!.days(.datePlacedCeased)
            return data.rows(.placedForAdoption) { Days.isDay(placed[$0]) && Days.isDay(ceased[$0]) && placed[$0] > ceased[$0] }
        },
        // The child started to be looked after where an episode began with S (that episode is pointed at too); a return
        // whose episodes all began with a change continues care begun before them, and says nothing of when it started.
        SSDA903Rule("1003", [.placedForAdoption: [.datePlaced], .episodes: [.decom, .rne]]) { data in
            let children = data[.placedForAdoption]![.child], placed = data[.placedForAdoption]!.days(.datePlaced)
            let starts = data[.episodes]!.days(.decom), rne = data[.episodes]![.rne]
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard let started = data.episodes[children[row]]?.first(where: { rne[$0] == "S" }), Days.isDay(placed[row]),
                    Days.isDay(starts[started]), placed[row] < starts[started]
                else { return [] }
                return [RowHit(.placedForAdoption, row), RowHit(.episodes, started)]
            }
        },
        // A decision to place for adoption may begin only once the one before it has ended.
        overlapping("579", .placedForAdoption, .datePlaced, .datePlacedCeased),
        SSDA903Rule("563", [.placedForAdoption: [.datePlaced, .datePlacedCeased, .reasonPlacedCeased]]) { data in
            let table = data[.placedForAdoption]!, placed = table[.datePlaced], ceased = table[.datePlacedCeased], reason = table[.reasonPlacedCeased]
            return data.rows(.placedForAdoption) { placed[$0].isEmpty && (!ceased[$0].isEmpty || !reason[$0].isEmpty) }
        },
        // Every decision but the latest has been revoked; the latest is pointed at with those that were not.
        SSDA903Rule("583", [.placedForAdoption: [.datePlaced, .datePlacedCeased]]) { data in
            let ceased = data[.placedForAdoption]![.datePlacedCeased]
            return data.hits(
                .placedForAdoption,
                data.decisions.values.flatMap { decisions -> [Int] in
                    let open = decisions.dropLast().map(\.row).filter { ceased[$0].isEmpty }
                    return open.isEmpty ? [] : open + [decisions.last!.row]
                })
        },
    ]

    static let adoptionItems: [SSDA903Column] = [.dateInterest, .dateMatch, .fosterCare, .numberOfAdopters, .sexOfAdopters, .legalStatusOfAdopters]

    static func adopters(_ code: String, breaks: @escaping @Sendable (_ number: String, _ sex: String, _ status: String) -> Bool) -> SSDA903Rule {
        SSDA903Rule(code, [.ad1: [.numberOfAdopters, .sexOfAdopters, .legalStatusOfAdopters]]) { data in
            let number = data[.ad1]![.numberOfAdopters], sex = data[.ad1]![.sexOfAdopters], status = data[.ad1]![.legalStatusOfAdopters]
            return data.rows(.ad1) { breaks(number[$0], sex[$0], status[$0]) }
        }
    }
}

extension SSDA903Data {
    /// The UASC rows with a date the child's UASC status ceased (DUC), for children of whom `test` holds, each with
    /// the child's header row, which holds their UASC status in the XML form.
    func statusCeasedWhere(_ test: (String) -> Bool) -> [RowHit] {
        guard let uasc = self[.uasc] else { return [] }
        let children = uasc[.child], ceased = uasc[.duc]
        return rows(.uasc) { !ceased[$0].isEmpty && test(children[$0]) }
            .flatMap { [$0] + hits(.header, headerRow[children[$0.row]].map { [$0] } ?? []) }
    }
}
