/**
 * Stories: articles grouped as they arrive, one at a time and in arrival order, with no
 * global re-clustering ({@link dev.vigil.stories.StoryClusterer}); candidates come from the
 * search index, never from a scan of all stories. On top of the groups: an extractive summary
 * ({@link dev.vigil.stories.StorySummarizer}), events merged across articles with their
 * independent sources and an Admiralty grade ({@link dev.vigil.stories.Corroboration}), and
 * each source's reliability from its prior and its track record
 * ({@link dev.vigil.stories.SourceReliability}).
 */
package dev.vigil.stories;
