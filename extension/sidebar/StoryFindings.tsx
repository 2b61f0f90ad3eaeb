/** The sidebar's findings with the claims the page shares with what was read grouped into their stories. */
import { useEffect, useState } from 'preact/hooks';
import type { StoryInfo, TabClaims } from '../../shared/messages.ts';
import type { Lang } from '../../shared/kb/types.ts';
import { send } from './connect.ts';
import type { RowActions } from './ClaimItem.tsx';
import { Findings } from './Findings.tsx';
import { sidebarModel } from './model.ts';
import { Stories } from './Stories.tsx';
import { groupByStory } from './story-groups.ts';

interface Props extends RowActions {
  data: TabClaims;
  lang: Lang;
}

/** The stories of the articles read besides this page; [] until known, or if they cannot be had. */
function useStories(data: TabClaims, lang: Lang): StoryInfo[] {
  const [stories, setStories] = useState<StoryInfo[]>([]);
  useEffect(() => {
    let live = true;
    void send('stories.ofPage', { url: data.url, lang }).then((r) => live && setStories(r.ok ? r.value : []));
    return () => void (live = false);
  }, [data, lang]);
  return stories;
}

/** Stories first, then the page's other claims and its names. */
export function StoryFindings({ data, lang, ...rowProps }: Props) {
  const stories = useStories(data, lang);
  const model = sidebarModel(data, lang);
  const { groups, rest } = groupByStory(model.claims, stories);
  return (
    <>
      {groups.length > 0 && <Stories groups={groups} lang={lang} {...rowProps} />}
      <Findings model={{ ...model, claims: rest }} {...rowProps} />
    </>
  );
}
