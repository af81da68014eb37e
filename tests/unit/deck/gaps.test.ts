/**
 * The deck answers what a learner meets after the basics (issue #16, gaps 2 and 4–8): BuildKit
 * Dockerfile features, Compose beyond up/down, buildx, debugging, contexts, Swarm services.
 * A card per topic, found by key, and a compare card for each pair people mix up there.
 */
import { describe, expect, it } from 'vitest';
import { loadDeck } from './deck.ts';

const TOPICS: Record<string, string[]> = {
  'BuildKit Dockerfile features': [
    'RUN --mount=type=cache', 'RUN --mount=type=bind', 'RUN --mount=type=secret', 'RUN --mount=type=ssh',
    'docker build --secret', 'docker build --ssh', 'RUN <<EOF', 'COPY <<EOF', 'COPY --chmod', 'COPY --link',
    'COPY --from', 'ADD --checksum', 'FROM --platform=$BUILDPLATFORM', 'ARG TARGETARCH', 'syntax directive',
    'escape directive', 'check directive',
  ],
  Compose: [
    'docker compose watch', 'compose.yaml develop.watch', 'docker compose --profile', 'compose.yaml profiles',
    'docker compose up --wait', 'docker compose up --no-deps', 'docker compose ls', 'docker compose cp',
    'docker compose images', 'docker compose push', 'docker compose rm', 'docker compose kill',
    'docker compose --env-file', 'docker compose config', 'compose.yaml command', 'compose.yaml entrypoint',
    'compose.yaml image', 'compose.yaml container_name', 'compose.yaml name', 'compose.yaml secrets',
    'compose.yaml configs', 'compose.yaml include', 'compose.yaml x-', 'compose.yaml depends_on',
    'compose.yaml depends_on service_completed_successfully', 'compose.yaml healthcheck', 'compose.yaml version',
  ],
  buildx: [
    'docker buildx build --platform', 'docker buildx build --push', 'docker buildx create', 'docker buildx use',
    'docker buildx bake', 'docker manifest inspect',
  ],
  Debugging: [
    'exit code 125', 'exit code 126', 'exit code 127', 'exit code 137', 'exit code 143', 'docker events',
    'docker logs --details', 'health status', "docker inspect -f '{{.State.Status}}' web",
    "docker inspect -f '{{.State.Health.Status}}' web",
  ],
  Contexts: ['docker context create', 'docker context use', 'docker context ls', 'DOCKER_HOST', 'DOCKER_HOST ssh://'],
  Swarm: [
    'docker service create', 'docker service update', 'docker service logs', 'docker service rollback',
    'docker secret create', 'docker config create', 'docker init',
  ],
};

const PAIRS: string[][] = [
  ['RUN --mount=type=cache', 'RUN --mount=type=bind'],
  ['docker build --secret', 'docker build --build-arg'],
  ['docker compose down', 'docker compose stop'],
  ['docker compose rm', 'docker compose down'],
  ['docker compose kill', 'docker compose stop'],
  ['env_file', 'docker compose --env-file'],
  ['compose.yaml ports', 'compose.yaml expose'],
  ['docker buildx build --load', 'docker buildx build --push'],
  ['BUILDPLATFORM', 'TARGETPLATFORM'],
  ['exit code 137', 'exit code 143'],
  ['exit code 126', 'exit code 127'],
  ['docker context', 'build context'],
  ['DOCKER_HOST', 'docker context use'],
  ['docker config', 'docker secret'],
];

const pairKey = (items: string[]) => [...items].sort().join(' | ');

describe('bundled deck: gaps a learner hits after the basics', () => {
  const { cards } = loadDeck();
  const keys = new Set(cards.map((c) => c.key));

  for (const [topic, wanted] of Object.entries(TOPICS)) {
    it(`has a card for each ${topic} topic`, () => {
      expect(wanted.filter((k) => !keys.has(k))).toEqual([]);
    });
  }

  it('has a compare card for each pair people confuse there', () => {
    const compared = new Set(cards.filter((c) => c.kind === 'compare').map((c) => pairKey(c.items ?? [])));
    expect(PAIRS.filter((p) => !compared.has(pairKey(p))).map((p) => p.join(' vs '))).toEqual([]);
  });
});
