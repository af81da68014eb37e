/**
 * What counts as the start of a command line. Notes mix docker with the shell around it
 * (systemctl, yum, curl, chmod …), so the list is broad; words that are also ordinary English
 * ("file", "time", "top") are marked ambiguous and need an argument that looks like one.
 */
const LIST = `docker docker-compose dockerd docker-machine docker-credential-helper podman buildah skopeo
kubectl minikube helm kind k3s microk8s containerd ctr nerdctl runc crictl
systemctl service journalctl chkconfig yum yum-config-manager dnf apt apt-get apt-cache aptitude apk brew snap rpm dpkg
pip pip3 npm npx yarn pnpm node python python3 go git make gcc java mvn gradle
curl wget chmod chown chgrp mkdir rmdir cd ls cat tee tar gzip gunzip zip unzip xz mv cp rm ln touch echo printf
export source sudo su env grep egrep sed awk find xargs head tail less sort uniq wc cut tr diff
ps kill pkill killall top htop free df du mount umount nsenter unshare chroot uname hostname whoami id
useradd usermod userdel groupadd gpasswd newgrp passwd ssh scp rsync ssh-keygen ssh-copy-id openssl
nc netstat ss ip ifconfig iptables firewall-cmd ufw ping nslookup dig traceroute tcpdump lsof strace
vi vim nano history tree pwd which whereis stat date sleep watch nohup crontab reboot shutdown sysctl
modprobe lsmod setenforce getenforce swapoff swapon lsblk fdisk mkfs blkid base64 sha256sum md5sum
bash sh zsh dos2unix jq yq nginx redis-cli mysql psql mongo mongosh aws gcloud az terraform ansible vagrant`;

export const PROGRAMS: ReadonlySet<string> = new Set(LIST.split(/\s+/));

/** Programs whose name is also a common word: accepted only with an argument that looks like one. */
export const AMBIGUOUS: ReadonlySet<string> = new Set(
  'kind make go id top free watch sleep date which file host history tree less sort cut find export source service sh node java echo printf cd ls ps su env head tail stat diff more ip ss'.split(' '),
);

/** docker's subcommands, so "docker 使用了 cgroups" is prose and "docker ps" is a command. */
export const DOCKER_SUBCOMMANDS: ReadonlySet<string> = new Set(
  `attach build builder buildx checkpoint commit compose config container context cp create diff events exec export
  history image images import info init inspect kill load login logout logs manifest network node pause plugin port ps
  pull push rename restart rm rmi run save scan scout search secret service stack start stats stop swarm system tag top
  trust unpause update version volume wait`.split(/\s+/),
);

/** docker management commands that take one more word: "docker volume create", "docker compose up". */
export const DOCKER_GROUPS: ReadonlySet<string> = new Set(
  'builder buildx checkpoint compose config container context image manifest network node plugin secret service stack swarm system trust volume scout'.split(' '),
);

export const COMPOSE_SUBCOMMANDS: ReadonlySet<string> = new Set(
  `build config cp create down events exec images kill logs ls pause port ps pull push restart rm run scale start stop top unpause up version wait watch convert`.split(/\s+/),
);

/** Programs that take a subcommand word which belongs in the card's command name. */
export const SUBCOMMAND_PROGRAMS: ReadonlySet<string> = new Set(
  'systemctl git kubectl yum dnf apt apt-get apk brew npm pnpm yarn pip pip3 helm minikube snap podman nerdctl ctr crictl docker-machine firewall-cmd'.split(' '),
);

/** Words that may precede the program without being it. */
export const WRAPPERS: ReadonlySet<string> = new Set(['sudo', 'time', 'nohup', 'env', 'exec', 'command']);

/** Programs whose lines may be glued onto the previous command in flattened text. */
export const GLUE_PROGRAMS: Readonly<Record<string, ReadonlySet<string>>> = {
  docker: DOCKER_SUBCOMMANDS,
  'docker-compose': COMPOSE_SUBCOMMANDS,
  systemctl: new Set('start stop restart enable disable status reload daemon-reload is-active'.split(' ')),
  kubectl: new Set('get apply delete describe logs exec create edit run expose scale rollout port-forward config'.split(' ')),
};

/** Common English function words: two or more after a program name mean a sentence, not a command. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an the is are was were be to of and or in on for with that this it its you your we our can will would should could which what when how not if then than as by from into so do does has have there their they them'.split(' '),
);
