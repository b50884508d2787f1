package dev.vigil.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenNlpLanguageDetectorTest {
  static LanguageDetector detector;

  @BeforeAll
  static void load() {
    detector = OpenNlpLanguageDetector.load();
  }

  @Test
  void tellsTheLanguagesOfTheRegion() {
    assertThat(detector.detect("Russia on Wednesday sounded the alarm over the growing threat of"
        + " cross-border terrorism and extremist infiltration from Afghanistan.")).isEqualTo("en");
    assertThat(detector.detect("Секретарь Совета безопасности России Сергей Шойгу заявил, что"
        + " таджикско-афганская граница остаётся главным источником угроз.")).isEqualTo("ru");
    assertThat(detector.detect("دبیر شورای امنیت روسیه گفت که مرز تاجیکستان و افغانستان"
        + " مهم‌ترین چالش امنیتی برای کشورهای عضو پیمان امنیت جمعی است.")).isEqualTo("fa");
    assertThat(detector.detect("Die Grenzschutzbeamten haben in der Nacht eine Gruppe bewaffneter"
        + " Männer am Fluss festgenommen, teilte das Ministerium mit.")).isEqualTo("de");
  }

  @Test
  void tellsTajikUzbekAndPashtoThatOtherDetectorsDoNotKnow() {
    assertThat(detector.detect("Сарҳади Тоҷикистон ва Афғонистон яке аз масъалаҳои асосии амниятии"
        + " минтақа боқӣ мемонад.")).isEqualTo("tg");
    assertThat(detector.detect("O‘zbekiston va Afg‘oniston chegarasida xavfsizlik choralari"
        + " kuchaytirildi.")).isEqualTo("uz");
    assertThat(detector.detect("د افغانستان او تاجکستان ترمنځ پوله د سيمې د امنيت لپاره يوه مهمه"
        + " مسله ده.")).isEqualTo("ps");
  }

  @Test
  void aFewWordsAreTakenByTheirLettersWhereTheLettersTell() {
    assertThat(detector.detect("Сарҳади Тоҷикистон")).isEqualTo("tg");
    assertThat(detector.detect("阿富汗边境")).isEqualTo("zh");
  }

  @Test
  void tooLittleTextIsUndetermined() {
    assertThat(detector.detect("")).isEqualTo(LanguageDetector.UNDETERMINED);
    assertThat(detector.detect("12 34 -- !!")).isEqualTo(LanguageDetector.UNDETERMINED);
    assertThat(detector.detect("Kabul")).isEqualTo(LanguageDetector.UNDETERMINED);
  }
}
