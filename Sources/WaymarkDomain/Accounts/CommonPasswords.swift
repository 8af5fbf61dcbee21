/// Common and easily guessed passwords (and stems that digits are added to), lower case.
/// Extend this list with a larger breached-password list in production if the council has one.
enum CommonPasswords {
    static let list: [String] = [
        "123456", "123456789", "12345678", "password", "qwerty", "1234567", "111111", "123123",
        "1234567890", "abc123", "password1", "iloveyou", "000000", "qwerty123", "1q2w3e4r", "dragon",
        "monkey", "letmein", "football", "baseball", "welcome", "admin", "administrator", "login",
        "princess", "sunshine", "master", "hello", "freedom", "whatever", "trustno1", "starwars",
        "shadow", "superman", "michael", "jennifer", "charlie", "liverpool", "chelsea", "arsenal",
        "london", "london2012", "summer", "winter", "spring", "autumn", "changeme", "secret",
        "passw0rd", "p@ssw0rd", "p@ssword", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx", "qazwsx",
        "zaq12wsx", "987654321", "654321", "121212", "666666", "7777777", "aaaaaa", "abcdef",
        "abcdefgh", "abcd1234", "password123", "password1234", "passwordpassword", "welcome123", "letmein123", "iloveyou123",
        "qwerty12345", "123qwe", "1q2w3e", "1q2w3e4r5t", "qwertyuiop123", "council", "children", "socialwork",
        "socialworker", "barnet", "waymark", "correcthorsebatterystaple", "ilovechildren", "monday", "tuesday", "wednesday",
        "thursday", "friday", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december",
    ]
}
