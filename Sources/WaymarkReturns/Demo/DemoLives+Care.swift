import WaymarkDomain

extension Lives {
    /// A period of care from `start`: its episodes (placement moves, an interim care order becoming a full one), its
    /// reviews, for some young children a decision to place them for adoption, and its end for about a third of
    /// children (home, or to a relative under an order). Returns the day the
    /// child left care, if they have.
    mutating func lookedAfter(_ child: Child, from start: ISODay, random: inout SeededRandom) -> ISODay? {
        ssda903.rows[.header, default: []].append(header(child))
        let need = random.pick(["N1", "N1", "N1", "N2", "N4", "N5", "N8"])
        let home = random.pick(Self.homePostcodes)
        var legalStatus = random.pick(["C1", "C1", "C2", "V2", "V2"])
        var placement = Self.placement(age: child.birth.age(on: start), home: home, random: &random)
        var episodeStart = start
        var reason = "S"
        var left: ISODay?
        let episodes = random.pick([1, 1, 2, 2, 3, 4])
        let endsCare = random.chance(0.35)
        for number in 1...episodes {
            let last = number == episodes
            let ends = workingDay(episodeStart.adding(days: random.int(40...330)))
            let ended = (!last || endsCare) && ends <= lastDay
            // How the next episode differs: an interim care order made final keeps the placement; otherwise a move.
            let nextIsOrder = !last && legalStatus == "C1" && random.chance(0.6)
            var values: [SSDA903Column: String] = [
                .child: child.id, .decom: Self.text(episodeStart), .rne: reason, .ls: legalStatus, .cin: need,
                .place: placement.place, .placeProvider: placement.provider, .homePost: home, .plPost: placement.postcode,
                .urn: placement.place == "K2" ? "SC\(String(format: "%06d", 400_000 + child.index % 1000))" : "",
                .dec: "", .rec: "", .reasonPlaceChange: "",
            ]
            if ended {
                values[.dec] = Self.text(ends)
                if last {
                    values[.rec] =
                        placement.place.hasPrefix("U") && random.chance(0.3) ? "E45" : random.pick(["E4A", "E4A", "E13", "E41"])
                } else {
                    values[.rec] = "X1"
                    if !nextIsOrder { values[.reasonPlaceChange] = random.pick(["CARPL", "CARPL", "CHILD", "LAREQ", "PLACE", "CREQO"]) }
                }
            }
            ssda903.rows[.episodes, default: []].append(SSDA903Row(table: .episodes, values: values, file: "episodes.csv", line: 0))
            guard ended else { break }
            if last {
                left = ends
                break
            }
            episodeStart = ends
            if nextIsOrder {
                legalStatus = "C2"
                reason = "L"
            } else {
                var next = Self.placement(age: child.birth.age(on: ends), home: home, random: &random)
                while next.postcode == placement.postcode { next = Self.placement(age: child.birth.age(on: ends), home: home, random: &random) }
                placement = next
                reason = "P"
            }
        }
        // A young child staying in care under a care order: for some, a decision that they should be placed for
        // adoption, some months in (Annex A's list 10 lists the children whose adoption is under way).
        if left == nil, child.birth.age(on: start) < 4, ["C1", "C2"].contains(legalStatus), random.chance(0.3) {
            let decided = workingDay(start.adding(days: random.int(90...300)))
            if decided <= lastDay {
                ssda903.rows[.placedForAdoption, default: []].append(
                    SSDA903Row(
                        table: .placedForAdoption,
                        values: [
                            .child: child.id, .dob: Self.text(child.birth), .datePlaced: Self.text(decided), .datePlacedCeased: "",
                            .reasonPlacedCeased: "",
                        ], file: "placed_for_adoption.csv", line: 0))
            }
        }
        // Reviews: within 20 working days, then 3 months after the first, then every 6 months (Care Planning
        // Regulations 2010, reg. 33), a few late.
        var review = calendar.adding(random.chance(0.85) ? random.int(10...20) : random.int(21...30), to: start)
        var gap = 3
        while review <= min(left ?? lastDay, lastDay) {
            let participation =
                child.birth.age(on: review) < 4 ? "PN0" : random.pick(["PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])
            ssda903.rows[.reviews, default: []].append(
                SSDA903Row(
                    table: .reviews,
                    values: [.child: child.id, .dob: Self.text(child.birth), .review: Self.text(review), .reviewCode: participation],
                    file: "reviews.csv", line: 0))
            let early = random.chance(0.9) ? random.int(0...10) : -random.int(1...20)
            review = workingDay(review.adding(months: gap).adding(days: -early))
            gap = 6
        }
        return left
    }

    struct Placement { var place: String, provider: String, postcode: String }

    /// Most children in foster care, the council's own carers first; older children sometimes in a children's home;
    /// a few placed with parents under a care order. Most near home, some outside the borough.
    static func placement(age: Int, home: String, random: inout SeededRandom) -> Placement {
        let place =
            age >= 11 && random.chance(0.2) ? "K2" : random.pick(["U6", "U6", "U6", "U4", "U4", "U3", "U1"])
        let provider = place == "K2" ? random.pick(["PR4", "PR4", "PR1"]) : random.pick(["PR1", "PR1", "PR1", "PR4", "PR5"])
        var postcode = random.chance(0.65) ? random.pick(homePostcodes) : random.pick(outOfBoroughPostcodes)
        // Never the home's own sector: only a placement with parents is (rule 392d).
        while postcode == home { postcode = random.pick(homePostcodes) }
        return Placement(place: place, provider: provider, postcode: postcode)
    }

    /// Partial postcodes (the district and the sector's digit) as the return writes them: Barnet's, and others'.
    static let homePostcodes = [
        "N2 0", "N3 1", "N3 2", "N11 1", "N12 8", "N12 0", "N14 4", "N20 0", "NW4 4", "NW7 3", "NW9 5", "NW9 6", "NW11 7",
        "EN4 9", "EN5 2", "HA8 0",
    ]
    static let outOfBoroughPostcodes = ["HA1 2", "EN1 3", "WD6 1", "AL1 4", "LU2 0", "SG1 2", "MK9 1", "N17 6", "E17 4", "SE15 4"]
}
