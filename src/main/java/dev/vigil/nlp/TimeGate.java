package dev.vigil.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a sentence may hold a time expression or a number, so that SUTime and
 * CoreNLP's numeric classifiers, which cost about as much as the rest of the annotator
 * together, run only where they can find something. A sentence passes when one of its tokens
 * is tagged as a number (CD), holds a digit, or is (or has a hyphen-separated part that is) a
 * word SUTime's rules or CoreNLP's number normaliser start from: month and weekday names and
 * their abbreviations, time units, parts of the day, seasons, holidays, words such as "now",
 * "today", "recently", "once", and number and ordinal words. Every rule of SUTime
 * (edu/stanford/nlp/models/sutime/*.sutime.txt) and every numeric rule needs one of these, so
 * a sentence without them gets no DATE, TIME, DURATION, SET, NUMBER, ORDINAL, MONEY or PERCENT
 * tag either way; the gate errs on the side of passing (modal "may", "second" as in
 * "second-largest" pass too).
 */
final class TimeGate {
  private static final Set<String> WORDS = Set.of(
      // months and their abbreviations
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "januarys", "februarys", "marchs", "aprils", "mays", "junes",
      "julys", "augusts", "septembers", "octobers", "novembers", "decembers",
      // weekdays and their abbreviations
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
      "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "mon", "mons",
      "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "fris", "sat", "sats", "sun",
      "suns", "weekday", "weekdays", "workweek", "weekend", "weekends",
      // units
      "millisecond", "milliseconds", "millisec", "millisecs", "second", "seconds", "sec", "secs",
      "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "daily",
      "week", "weeks", "wk", "wks", "weekly", "fortnight", "fortnights", "fortnightly", "month",
      "months", "mo", "mos", "monthly", "year", "years", "yr", "yrs", "yearly", "annual",
      "annually", "biannual", "semiannual", "quarter", "quarters", "quarterly", "decade",
      "decades", "century", "centuries", "centurys", "millennium", "millennia", "millenium",
      "millenia", "millenniums", "fiscal", "fy", "semester", "semesters", "hourly", "nightly",
      "bimonthly", "biweekly", "semimonthly", "time", "times", "timezone", "timezones",
      // parts of the day, seasons
      "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night",
      "nights", "nighttime", "nighttimes", "overnight", "overnights", "tonight", "tonights",
      "tonite", "tonites", "noon", "noons", "midday", "middays", "midnight", "midnights",
      "dawn", "dawns", "dusk", "dusks", "daybreak", "daybreaks", "daylight", "daylights",
      "daytime", "daytimes", "sunrise", "sunrises", "sunset", "sunsets", "sunup", "sunups",
      "sundown", "sundowns", "twilight", "twilights", "teatime", "teatimes", "lunchtime",
      "lunchtimes", "dinnertime", "dinnertimes", "suppertime", "suppertimes", "am", "pm",
      "a.m", "p.m", "o'clock", "o’clock", "oclock", "spring", "springs", "summer", "summers",
      "fall", "falls", "autumn", "autumns", "winter", "winters", "season", "seasons",
      // deictic and relative words
      "now", "today", "todays", "tomorrow", "tomorrows", "yesterday", "yesterdays", "current",
      "currently", "present", "past", "future", "recent", "recently", "lately", "nowadays",
      "once", "twice", "thrice", "previously", "previous", "prior", "former", "formerly",
      "medieval", "ago", "hence", "later", "earlier", "late", "early", "soon", "eve", "ides",
      "era", "birthday", "ad", "bc", "a.d", "b.c", "bce", "ce", "zulu", "utc", "gmt",
      // holidays
      "christmas", "xmas", "x-mas", "easter", "halloween", "thanksgiving", "valentine",
      "valentines", "groundhog", "inauguration", "mardi", "gras", "lent", "pentecost",
      "whitsun", "ascension", "epiphany", "advent", "mayday", "hanukkah", "kwanzaa",
      "ramadan", "eid", "nowruz", "passover", "diwali",
      // number and ordinal words
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty",
      "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion",
      "hundreds", "thousands", "millions", "billions", "trillions", "tens", "dozen", "dozens",
      "score", "scores", "half", "halves", "couple", "single", "double", "triple", "zeroth",
      "first", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
      "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
      "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth",
      "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth",
      "thousandth", "millionth", "billionth", "last", "final");

  private TimeGate() {}

  /** Whether SUTime or the numeric classifiers could tag anything among these words. */
  static boolean mayHoldTimeOrNumber(List<String> words, List<String> tags) {
    for (int i = 0; i < words.size(); i++) {
      if ("CD".equals(tags.get(i)) || timeLike(words.get(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean timeLike(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    String w = word.toLowerCase(Locale.ROOT);
    while (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    if (WORDS.contains(w)) {
      return true;
    }
    if (w.indexOf('-') > 0 || w.indexOf('/') > 0) {
      for (String part : w.split("[-/]")) {
        if (WORDS.contains(part) || part.startsWith("mid") && WORDS.contains(part.substring(3))) {
          return true;
        }
      }
    }
    return w.startsWith("mid") && WORDS.contains(w.substring(3));
  }
}
