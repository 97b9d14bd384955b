import Foundation

/// Function words of English, French, Spanish and Portuguese (folded: lower case, no accents), which say nothing
/// about what an entry is about. The matcher ignores them; the search index keeps them (phrases need them).
public enum StopWords {
    /// The list.
    public static let all: Set<String> = Set("""
        a an and are as at be but by for from has have in into is it its of on or that the their this to was were which \
        with will we our can not no also more than other such these those who all any each been being both do does most \
        over under between through during after before about against while within without per via new
        au aux avec ce ces cette d dans de des du elle en est et il ils l la le les leur leurs mais ne nos notre ou par \
        pas plus pour qu que qui sa se ses son sont sur un une y ont a ete etre entre sans sous aussi dont
        al como con del el en es la las lo los mas para por que se sin sobre su sus un una unos unas y o e entre desde \
        hasta este esta estos estas ha han ser son
        ao aos as com da das de do dos em na nas no nos o os para pela pelas pelo pelos por que se sem sua suas seu seus \
        um uma umas uns e ou foi sao ser esta este essa esse
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
