package org.epicontrol.notice.importing;

import java.util.List;

import org.epicontrol.notice.text.NoticeText;

/**
 * Lines a copied web page carries around the notice: the site's name, breadcrumbs ("首页 > 新闻 > 正文"), the
 * source line ("来源:太原日报 2022年11月22日 23:40"), "字号：大 中 小", "分享到", "【打印】【关闭】". They are not part
 * of the notice: the parser skips them wherever they stand, and reads a source line's date only when the notice
 * prints none in its signature or lead. Plain string tests, no regex.
 */
final class PageFurniture {

    // Lines starting with these are page elements, never notice text.
    private static final List<String> STARTS = List.of("来源:", "来源：", "来源 ", "来源\u3000", "发布时间", "发布日期",
            "时间:", "时间：", "作者:", "作者：", "编辑:", "编辑：", "责任编辑", "浏览次数", "浏览量", "点击数", "点击量",
            "阅读数", "阅读量", "阅读原文", "字号", "【字号", "【字体", "分享到", "分享:", "分享：", "打印本页", "【打印",
            "关闭窗口", "【关闭", "【收藏", "上一篇", "下一篇", "相关新闻", "相关链接", "相关阅读", "扫一扫", "当前位置",
            "您的位置", "您现在的位置", "首页 ", "首页>", "首页＞", "首页»", "〖");
    // Lines holding these are page elements: a breadcrumb or the row of page buttons.
    private static final List<String> MARKS = List.of(" > ", ">>", "＞", "»", "【打印】", "【关闭】", "【大】", "[打印]",
            "[关闭]", "大 中 小", "大中小");
    // Site names end so; a notice line never does.
    private static final List<String> SITE_ENDINGS = List.of("门户网站", "人民政府网", "政府网", "网站", "新闻网", "客户端");
    // Lines holding these are where the page says its source; their date is the publication date.
    private static final List<String> SOURCE_STARTS = List.of("来源", "发布时间", "发布日期", "时间");

    private PageFurniture() {
    }

    /** True if {@code line} (cleaned) is a page element rather than notice text. */
    static boolean isFurniture(String line) {
        if (line.isEmpty()) {
            return false;
        }
        for (String start : STARTS) {
            if (line.startsWith(start)) {
                return true;
            }
        }
        for (String mark : MARKS) {
            if (line.contains(mark)) {
                return true;
            }
        }
        if (line.length() <= 30) {
            String bare = NoticeText.withoutBlanks(line);
            for (String ending : SITE_ENDINGS) {
                if (bare.endsWith(ending)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if {@code line} is a page's source or publication-time line. */
    static boolean isSourceLine(String line) {
        for (String start : SOURCE_STARTS) {
            if (line.startsWith(start)) {
                return true;
            }
        }
        return false;
    }
}
