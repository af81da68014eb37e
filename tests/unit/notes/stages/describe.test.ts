/** Stage 3: descriptions attached to the commands and flags they describe (section-run.ts and its block readers). */
import { describe, expect, it } from 'vitest';
import { indexNote } from '../../../../src/lib/notes/index.ts';
import { card } from '../helpers.ts';

const cards = (md: string) => indexNote(md, 'stage3.md').cards;
const title = (md: string, kind: 'command' | 'flag', key: string, lang = 'zh') => card(cards(md), kind, key).text[lang]?.title;

describe('stage 3: which text describes which command', () => {
  it('a comment describes the commands under it up to the next blank line', () => {
    const md = '## 收拾\n\n```sh\n# 删掉停止的容器\ndocker container prune -f\ndocker image prune -f\n\ndocker volume prune -f\n```\n';
    expect(title(md, 'command', 'docker container prune -f')).toBe('删掉停止的容器');
    expect(title(md, 'command', 'docker image prune -f')).toBe('删掉停止的容器');
    // past the blank line the comment says nothing: the heading stands in
    expect(title(md, 'command', 'docker volume prune -f')).toBe('收拾');
  });

  it("a command's own trailing comment wins over the comment above", () => {
    const md = '## x\n\n```sh\n# 看日志\ndocker logs web   # 只看 web 的日志\n```\n';
    expect(title(md, 'command', 'docker logs web')).toBe('只看 web 的日志');
  });

  it('a lead-in line ending in a colon describes the block under it', () => {
    const md = "## Logs\n\nFollow one service's output:\n\n```bash\ndocker compose logs -f api\n```\n";
    expect(title(md, 'command', 'docker compose logs -f api', 'en')).toBe("Follow one service's output");
  });

  it('a labelled child bullet explains its command; a cross-reference does not', () => {
    const md = '## 网络\n\n- `docker network ls`\n  - 功能：列出所有网络\n  - 出现章节：第二章\n';
    const c = card(cards(md), 'command', 'docker network ls');
    expect(c.text.zh).toEqual({ title: '列出所有网络', body: '' });
  });

  it('flags listed under a lead-in that names a command belong to that command', () => {
    const md = '## Run\n\n`docker run` 常用参数：\n\n- `-d`：在后台运行\n- `--name`：给容器起名字\n';
    const all = cards(md);
    expect(card(all, 'flag', 'docker run -d').text.zh?.title).toBe('在后台运行');
    expect(card(all, 'flag', 'docker run --name').text.zh?.title).toBe('给容器起名字');
  });

  it('a bullet does not describe the command of its sibling bullet', () => {
    const md = '## 步骤\n\n- 先拉取镜像\n- docker run -d nginx\n';
    const c = card(cards(md), 'command', 'docker run -d nginx');
    expect(c.text.zh?.title).not.toBe('先拉取镜像');
  });
});
