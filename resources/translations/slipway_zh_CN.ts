<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Slipway: a desktop portal for Docker fleets.</source>
        <translation>Slipway：面向 Docker 集群的桌面门户。</translation>
    </message>
    <message>
        <source>Watch the engine at URL instead of the saved hosts (repeatable): unix:///path, tcp://host:port or https://host:port.</source>
        <translation>监视位于 URL 的引擎，而不是已保存的主机（可重复）：unix:///路径、tcp://主机:端口 或 https://主机:端口。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Keep Slipway&apos;s database in DIR.</source>
        <translation>将 Slipway 的数据库保存在 DIR 中。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; hosts are given with --host URL.</source>
        <translation>意外的参数“%1”；请用 --host URL 指定主机。</translation>
    </message>
    <message>
        <source>--data-dir needs a directory.</source>
        <translation>--data-dir 需要一个目录。</translation>
    </message>
    <message>
        <source>--host: %1</source>
        <translation>--host：%1</translation>
    </message>
</context>
<context>
    <name>HostConfig</name>
    <message>
        <source>The %1 file &quot;%2&quot; does not exist.</source>
        <translation>%1文件“%2”不存在。</translation>
    </message>
    <message>
        <source>The %1 path &quot;%2&quot; is not a file.</source>
        <translation>%1路径“%2”不是文件。</translation>
    </message>
    <message>
        <source>The %1 file &quot;%2&quot; is not readable.</source>
        <translation>%1文件“%2”不可读。</translation>
    </message>
    <message>
        <source>No URL given: expected unix:///path/to/docker.sock, tcp://host:port or https://host:port.</source>
        <translation>未填写 URL：应为 unix:///path/to/docker.sock、tcp://主机:端口 或 https://主机:端口。</translation>
    </message>
    <message>
        <source>TLS files apply only to tcp:// and https:// hosts; &quot;%1&quot; is a unix socket. Clear the TLS files or use a TCP URL.</source>
        <translation>TLS 文件只适用于 tcp:// 和 https:// 主机；“%1”是 unix 套接字。请清除 TLS 文件，或改用 TCP URL。</translation>
    </message>
    <message>
        <source>A client certificate needs its private key: the key file is empty.</source>
        <translation>客户端证书需要对应的私钥：私钥文件为空。</translation>
    </message>
    <message>
        <source>A private key needs its client certificate: the certificate file is empty.</source>
        <translation>私钥需要对应的客户端证书：证书文件为空。</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>DOCKER_HOST</source>
        <translation>DOCKER_HOST</translation>
    </message>
    <message>
        <source>docker context</source>
        <translation>docker 上下文</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>本地套接字</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>HostDiscovery</name>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: not a JSON object: %2</source>
        <translation>%1：不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>%1: the context has no &quot;Name&quot;</source>
        <translation>%1：该上下文没有“Name”</translation>
    </message>
    <message>
        <source>%1: context &quot;%2&quot; has no Endpoints.docker.Host</source>
        <translation>%1：上下文“%2”没有 Endpoints.docker.Host</translation>
    </message>
</context>
<context>
    <name>HostStatus</name>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>ImageText</name>
    <message>
        <source>0 B</source>
        <translation>0 B</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 分钟前</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 小时前</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 天前</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>1 week ago</source>
        <translation>1 周前</translation>
    </message>
    <message>
        <source>%1 weeks ago</source>
        <translation>%1 周前</translation>
    </message>
    <message>
        <source>1 month ago</source>
        <translation>1 个月前</translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation>%1 个月前</translation>
    </message>
    <message>
        <source>1 year ago</source>
        <translation>1 年前</translation>
    </message>
    <message>
        <source>%1 years ago</source>
        <translation>%1 年前</translation>
    </message>
</context>
<context>
    <name>PullProgressTracker</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>less than a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation>已退出 (%1)，%2前</translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation>正在重启 (%1)，%2前</translation>
    </message>
    <message>
        <source>(healthy)</source>
        <translation>（健康）</translation>
    </message>
    <message>
        <source>(unhealthy)</source>
        <translation>（不健康）</translation>
    </message>
    <message>
        <source>(health: starting)</source>
        <translation>（健康检查：启动中）</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>约 1 分钟</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>约 1 小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>No database path given.</source>
        <translation>未指定数据库路径。</translation>
    </message>
    <message>
        <source>The database path &quot;%1&quot; is a directory, not a file.</source>
        <translation>数据库路径“%1”是目录，而不是文件。</translation>
    </message>
    <message>
        <source>Cannot create the directory &quot;%1&quot; for the database.</source>
        <translation>无法为数据库创建目录“%1”。</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not available.</source>
        <translation>Qt 的 SQLite 驱动（QSQLITE）不可用。</translation>
    </message>
    <message>
        <source>Cannot open the database &quot;%1&quot;: %2</source>
        <translation>无法打开数据库“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot prepare the database &quot;%1&quot;: %2</source>
        <translation>无法准备数据库“%1”：%2</translation>
    </message>
    <message>
        <source>its schema version %1 is newer than this Slipway knows (%2); use a newer Slipway.</source>
        <translation>其架构版本 %1 比本 Slipway 所知的版本（%2）更新；请使用更新版本的 Slipway。</translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation>迁移 %1（%2）失败：%3</translation>
    </message>
    <message>
        <source>The host has no id.</source>
        <translation>该主机没有 ID。</translation>
    </message>
    <message>
        <source>The host has no name.</source>
        <translation>该主机没有名称。</translation>
    </message>
    <message>
        <source>The host &quot;%1&quot; has no URL.</source>
        <translation>主机“%1”没有 URL。</translation>
    </message>
    <message>
        <source>No saved host has the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的已保存主机。</translation>
    </message>
    <message>
        <source>An audit entry needs an action.</source>
        <translation>审计记录必须包含操作。</translation>
    </message>
</context>
<context>
    <name>slipctl</name>
    <message>
        <source>Lists the images of every host, one line per tag: repository, tag, ID, digest, size, age and how many containers (in any state) use the image.</source>
        <translation>列出每台主机上的镜像，每个标签一行：仓库、标签、ID、摘要、大小、创建时间，以及有多少容器（任何状态）在使用该镜像。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>Show only dangling images (no tag points to them).</source>
        <translation>只显示悬空镜像（没有任何标签指向它们）。</translation>
    </message>
    <message>
        <source>no hosts: set DOCKER_HOST, pass --host, or add one in Slipway</source>
        <translation>没有主机：请设置 DOCKER_HOST、传入 --host，或在 Slipway 中添加主机</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>USED BY</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>host %1: %2</source>
        <translation>主机 %1：%2</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>--%1 需要一个值。</translation>
    </message>
    <message>
        <source>--label &quot;%1&quot;: expected KEY or KEY=VALUE.</source>
        <translation>--label “%1”：应为 KEY 或 KEY=VALUE。</translation>
    </message>
    <message>
        <source>--state &quot;%1&quot;: not a container state (%2).</source>
        <translation>--state “%1”：不是容器状态（%2）。</translation>
    </message>
    <message>
        <source>Lists the containers of every host.</source>
        <translation>列出每台主机上的容器。</translation>
    </message>
    <message>
        <source>Show all containers (default: running only).</source>
        <translation>显示所有容器（默认只显示运行中的）。</translation>
    </message>
    <message>
        <source>Only containers of this application (label slipway.app); repeatable: any of them.</source>
        <translation>只列出此应用的容器（标签 slipway.app）；可重复：匹配其中任意一个。</translation>
    </message>
    <message>
        <source>Only containers of this environment (label slipway.env); repeatable: any of them.</source>
        <translation>只列出此环境的容器（标签 slipway.env）；可重复：匹配其中任意一个。</translation>
    </message>
    <message>
        <source>Only containers in this state (created, restarting, running, removing, paused, exited, dead); repeatable: any of them. Implies --all.</source>
        <translation>只列出处于此状态的容器（created、restarting、running、removing、paused、exited、dead）；可重复：匹配其中任意一个。隐含 --all。</translation>
    </message>
    <message>
        <source>Only containers with this label, KEY or KEY=VALUE; repeatable: all of them.</source>
        <translation>只列出带有此标签的容器，KEY 或 KEY=VALUE；可重复：必须全部匹配。</translation>
    </message>
    <message>
        <source>Only the configured host of this name (see slipctl hosts); repeatable.</source>
        <translation>只使用此名称的已配置主机（参见 slipctl hosts）；可重复。</translation>
    </message>
    <message>
        <source>--host-name: no configured host is named &quot;%1&quot; (hosts: %2).</source>
        <translation>--host-name：没有名为“%1”的已配置主机（主机：%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态详情</translation>
    </message>
    <message>
        <source>APP</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Engine to use instead of the configured ones (repeatable): unix:///path or tcp://host:port.</source>
        <translation>使用此引擎代替已配置的引擎（可重复）：unix:///路径 或 tcp://主机:端口。</translation>
    </message>
    <message>
        <source>Directory of Slipway&apos;s database (saved hosts).</source>
        <translation>Slipway 数据库（已保存的主机）所在目录。</translation>
    </message>
    <message>
        <source>Seconds to wait for each host (default 10).</source>
        <translation>每台主机的等待秒数（默认 10）。</translation>
    </message>
    <message>
        <source>Shows each engine: version, API version in use, OS, CPUs, memory, containers, images and Swarm role. Exits non-zero when any host does not answer.</source>
        <translation>显示每个引擎：版本、所用 API 版本、操作系统、CPU、内存、容器、镜像及 Swarm 角色。任一主机无响应时以非零状态退出。</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPUS</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>IMAGES</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>SWARM</source>
        <translation>SWARM</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>%1 running / %2</source>
        <translation>%1 运行中 / %2</translation>
    </message>
    <message>
        <source>Usage: slipctl COMMAND [options]

Commands:
  hosts    engines, their versions and load; fails when one is down
  images   images on all hosts: tags, digests, sizes, used by
  ps       containers on all hosts

Run &apos;slipctl COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>用法：slipctl 命令 [选项]

命令：
  hosts    引擎及其版本和负载；任一引擎宕机时失败
  images   所有主机上的镜像：标签、摘要、大小、使用者
  ps       所有主机上的容器

运行 &apos;slipctl 命令 --help&apos; 查看该命令的选项。
</translation>
    </message>
    <message>
        <source>slipctl: unknown command &quot;%1&quot;</source>
        <translation>slipctl：未知命令 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>slipway::app::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Slipway</source>
        <translation>Slipway</translation>
    </message>
    <message>
        <source>Utilization across the fleet at a glance: CPU, memory and containers per host, with the hosts and apps that need attention first.</source>
        <translation>一眼看清整个集群的资源使用：每台主机的 CPU、内存和容器，需要关注的主机和应用排在最前。</translation>
    </message>
    <message>
        <source>The release queue: groups of application versions waiting for review, approved by a team lead and rolled out, with rollback to any earlier deployment.</source>
        <translation>发布队列：等待评审的应用版本组，由团队负责人批准后上线，并可回滚到任何一次较早的部署。</translation>
    </message>
    <message>
        <source>Whole test environments from templates, provisioned with a click, checked for drift against their template.</source>
        <translation>基于模板一键创建完整的测试环境，并检查其与模板之间的偏差。</translation>
    </message>
    <message>
        <source>The applications Slipway deploys, with their versions, replicas and health on every host.</source>
        <translation>Slipway 部署的应用，以及它们在每台主机上的版本、副本数和健康状态。</translation>
    </message>
    <message>
        <source>Loading hosts…</source>
        <translation>正在加载主机…</translation>
    </message>
    <message>
        <source>Hosts: %1 of %2 up</source>
        <translation>主机：%2 台中 %1 台在线</translation>
    </message>
</context>
<context>
    <name>slipway::core::ContainerDetails</name>
    <message>
        <source>on-failure (at most 1 retry)</source>
        <translation>on-failure（最多重试 1 次）</translation>
    </message>
    <message>
        <source>on-failure (at most %1 retries)</source>
        <translation>on-failure（最多重试 %1 次）</translation>
    </message>
</context>
<context>
    <name>slipway::core::ContainerDetailsLoader</name>
    <message>
        <source>The host &quot;%1&quot; has no usable connection.</source>
        <translation>主机“%1”没有可用的连接。</translation>
    </message>
</context>
<context>
    <name>slipway::core::HostInventory</name>
    <message>
        <source>The host&apos;s settings are not usable.</source>
        <translation>该主机的设置无法使用。</translation>
    </message>
    <message>
        <source>The engine closed the event stream.</source>
        <translation>引擎关闭了事件流。</translation>
    </message>
    <message>
        <source>The host&apos;s engine client is gone.</source>
        <translation>该主机的引擎客户端已不存在。</translation>
    </message>
</context>
<context>
    <name>slipway::core::HostMonitor</name>
    <message>
        <source>Cannot read the saved hosts: %1</source>
        <translation>无法读取已保存的主机：%1</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes from %2 and cannot be edited here.</source>
        <translation>“%1”来自%2，无法在此编辑。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes from %2; remove it there.</source>
        <translation>“%1”来自%2；请在那里删除。</translation>
    </message>
</context>
<context>
    <name>slipway::core::ImageCatalog</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The host was removed.</source>
        <translation>该主机已被移除。</translation>
    </message>
    <message>
        <source>The host does not answer.</source>
        <translation>该主机没有响应。</translation>
    </message>
    <message>
        <source>The host has no usable engine address.</source>
        <translation>该主机没有可用的引擎地址。</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>Nothing to remove: no image was named.</source>
        <translation>没有可删除的内容：未指定镜像。</translation>
    </message>
</context>
<context>
    <name>slipway::core::Inventory</name>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强行终止</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Force remove</source>
        <translation>强制删除</translation>
    </message>
    <message>
        <source>There is no host with the id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的主机。</translation>
    </message>
    <message>
        <source>The host &quot;%1&quot; has no usable connection.</source>
        <translation>主机“%1”没有可用的连接。</translation>
    </message>
</context>
<context>
    <name>slipway::core::LogFollower</name>
    <message>
        <source>The host &quot;%1&quot; has no usable connection.</source>
        <translation>主机“%1”没有可用的连接。</translation>
    </message>
</context>
<context>
    <name>slipway::models::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>slipway::models::ContainerTableModel</name>
    <message>
        <source>Last known state: the host cannot be reached.</source>
        <translation>最后已知状态：无法连接该主机。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>运行状况</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>slipway::models::HostTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 is down: %2</source>
        <translation>%1 离线：%2</translation>
    </message>
    <message>
        <source>TLS certificate verification is off for %1.</source>
        <translation>%1 的 TLS 证书验证已关闭。</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>Swarm</translation>
    </message>
</context>
<context>
    <name>slipway::models::ImageTableModel</name>
    <message>
        <source>dangling</source>
        <translation>悬空</translation>
    </message>
    <message>
        <source>%1 does not answer; this is what it had when it last did.</source>
        <translation>%1 没有响应；这是它最后一次响应时的内容。</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>No container uses this image.</source>
        <translation>没有容器使用此镜像。</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>No tag points to this image any more; it can be removed by its ID.</source>
        <translation>已没有标签指向此镜像；可以按 ID 删除它。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用数</translation>
    </message>
    <message>
        <source>Dangling</source>
        <translation>悬空</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::AuditView</name>
    <message>
        <source>Every change made through Slipway on this workstation, newest first. The log is append-only.</source>
        <translation>在本工作站上通过 Slipway 做出的每一项更改，最新的在前。日志只能追加。</translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainerDetailsPane</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Select a container to see its details.</source>
        <translation>选择一个容器以查看其详细信息。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>重启策略</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>资源限制</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Show values that look like secrets</source>
        <translation>显示疑似机密的值</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Could not read the details: %1</source>
        <translation>无法读取详细信息：%1</translation>
    </message>
    <message>
        <source>This container was removed; what is shown is how it last was.</source>
        <translation>此容器已被删除；显示的是它最后的状态。</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>This container has no healthcheck.</source>
        <translation>此容器没有健康检查。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>failed once</source>
        <translation>失败 1 次</translation>
    </message>
    <message>
        <source>failing %1 times in a row</source>
        <translation>连续失败 %1 次</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>检查：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>killed: out of memory</source>
        <translation>因内存不足被终止</translation>
    </message>
    <message>
        <source>restarted once</source>
        <translation>已重启 1 次</translation>
    </message>
    <message>
        <source>restarted %1 times</source>
        <translation>已重启 %1 次</translation>
    </message>
    <message>
        <source>root (image default)</source>
        <translation>root（镜像默认）</translation>
    </message>
    <message>
        <source>(not published)</source>
        <translation>（未发布）</translation>
    </message>
    <message>
        <source>no address (not running)</source>
        <translation>无地址（未运行）</translation>
    </message>
    <message>
        <source>aliases: %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 个 CPU</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainerFilterBar</name>
    <message>
        <source>Filter: name, image, app, ID…</source>
        <translation>筛选：名称、镜像、应用、ID…</translation>
    </message>
    <message>
        <source>Words that must all appear in the name, image, application, environment, version, state, host, ID or a label</source>
        <translation>名称、镜像、应用、环境、版本、状态、主机、ID 或标签中必须全部出现的词</translation>
    </message>
    <message>
        <source>Only containers in this state</source>
        <translation>只显示处于此状态的容器</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>Only containers on this host</source>
        <translation>只显示此主机上的容器</translation>
    </message>
    <message>
        <source>Only containers of this application (label slipway.app)</source>
        <translation>只显示此应用的容器（标签 slipway.app）</translation>
    </message>
    <message>
        <source>Only containers of this environment (label slipway.env)</source>
        <translation>只显示此环境的容器（标签 slipway.env）</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>所有应用</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>所有环境</translation>
    </message>
    <message>
        <source>label=value</source>
        <translation>标签=值</translation>
    </message>
    <message>
        <source>Labels the containers must have: key=value, or just key; several separated by commas</source>
        <translation>容器必须具有的标签：键=值，或只写键；多个之间用逗号分隔</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every container again</source>
        <translation>重新显示所有容器</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ContainersView</name>
    <message>
        <source>Start the selected containers</source>
        <translation>启动所选容器</translation>
    </message>
    <message>
        <source>Stop the selected containers (SIGTERM, then SIGKILL after the timeout)</source>
        <translation>停止所选容器（先发送 SIGTERM，超时后发送 SIGKILL）</translation>
    </message>
    <message>
        <source>Restart the selected containers</source>
        <translation>重启所选容器</translation>
    </message>
    <message>
        <source>Kill the selected containers at once (SIGKILL)</source>
        <translation>立即强行终止所选容器（SIGKILL）</translation>
    </message>
    <message>
        <source>Remove the selected containers (asks first)</source>
        <translation>删除所选容器（会先确认）</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Follow the current container&apos;s log</source>
        <translation>跟踪当前容器的日志</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>1 container</source>
        <translation>1 个容器</translation>
    </message>
    <message>
        <source>%1 containers</source>
        <translation>%1 个容器</translation>
    </message>
    <message>
        <source>%1 of %2 containers</source>
        <translation>%2 个容器中的 %1 个</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is unreachable.</source>
        <translation>无法连接主机“%1”。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is unreachable — showing its last known container, greyed out.</source>
        <translation>无法连接主机“%1”——以灰色显示其最后已知的 1 个容器。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is unreachable — showing its %2 last known containers, greyed out.</source>
        <translation>无法连接主机“%1”——以灰色显示其最后已知的 %2 个容器。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is not synced: %2</source>
        <translation>主机“%1”未同步：%2</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; has no usable connection; its containers are not listed.</source>
        <translation>主机“%1”没有可用的连接；未列出其容器。</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>正在等待引擎…</translation>
    </message>
    <message>
        <source>Waiting for %1 actions…</source>
        <translation>正在等待 %1 个操作…</translation>
    </message>
    <message>
        <source>… and 1 earlier failure</source>
        <translation>……以及之前的 1 个失败</translation>
    </message>
    <message>
        <source>… and %1 earlier failures</source>
        <translation>……以及之前的 %1 个失败</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; on %3 failed: %4</source>
        <translation>%3 上的“%2”%1失败：%4</translation>
    </message>
    <message>
        <source>• %1 on %2 (%3)</source>
        <translation>• %2 上的 %1（%3）</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……还有 %1 个</translation>
    </message>
    <message>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <source>Remove this container? This cannot be undone.</source>
        <translation>删除此容器？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove these %1 containers? This cannot be undone.</source>
        <translation>删除这 %1 个容器？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Force: also stop and remove the running container</source>
        <translation>强制：同时停止并删除正在运行的容器</translation>
    </message>
    <message>
        <source>Force: also stop and remove the %1 running containers</source>
        <translation>强制：同时停止并删除 %1 个正在运行的容器</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostDetails</name>
    <message>
        <source>Select a host to see its details.</source>
        <translation>选择一台主机以查看其详情。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>引擎版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Last answered</source>
        <translation>上次响应</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Swarm role</source>
        <translation>Swarm 角色</translation>
    </message>
    <message>
        <source>Host details</source>
        <translation>主机详情</translation>
    </message>
    <message>
        <source>Not answering: %1
The facts below are from when it last answered.</source>
        <translation>无响应：%1
以下信息来自它上一次响应时。</translation>
    </message>
    <message>
        <source>Not answering: %1</source>
        <translation>无响应：%1</translation>
    </message>
    <message>
        <source>TLS certificate verification is off for this host: Slipway cannot tell it from an impostor. Turn it back on once its certificate is trusted.</source>
        <translation>此主机的 TLS 证书验证已关闭：Slipway 无法将它与冒充者区分开。待其证书受信任后请重新开启。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 running of %2</source>
        <translation>%2 个中 %1 个运行中</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>on, certificate NOT verified</source>
        <translation>开启，证书未验证</translation>
    </message>
    <message>
        <source>on, certificate verified</source>
        <translation>开启，证书已验证</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostDialog</name>
    <message>
        <source>Add host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <source>Edit host &quot;%1&quot;</source>
        <translation>编辑主机“%1”</translation>
    </message>
    <message>
        <source>e.g. build-07</source>
        <translation>例如 build-07</translation>
    </message>
    <message>
        <source>unix:///var/run/docker.sock, tcp://host:2375, https://host:2376</source>
        <translation>unix:///var/run/docker.sock、tcp://主机:2375、https://主机:2376</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>TLS &amp;CA:</source>
        <translation>TLS CA(&amp;C)：</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>客户端证书(&amp;E)：</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Verify the server certificate</source>
        <translation>验证服务器证书(&amp;V)</translation>
    </message>
    <message>
        <source>Without verification anyone between you and this host can pretend to be it and see everything Slipway sends, including what it deploys. Use this only for a test host.</source>
        <translation>不验证证书时，你与该主机之间的任何人都可以冒充它，并看到 Slipway 发送的所有内容，包括部署的内容。仅对测试主机这样做。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>optional, for TLS</source>
        <translation>可选，用于 TLS</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the %1 file</source>
        <translation>选择%1文件</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key)</source>
        <translation>PEM 文件 (*.pem *.crt *.key)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Give the host a name.</source>
        <translation>请为主机命名。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected: Docker %1, API %2, %3 (%4 CPUs).</source>
        <translation>已连接：Docker %1，API %2，%3（%4 个 CPU）。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::HostsView</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add a Docker host</source>
        <translation>添加一台 Docker 主机</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected host</source>
        <translation>编辑所选主机</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected host</source>
        <translation>删除所选主机</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Ask the selected host who it is, now</source>
        <translation>立即询问所选主机的身份信息</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Probe every host again now</source>
        <translation>立即重新探测所有主机</translation>
    </message>
    <message>
        <source>No Docker hosts yet. Add one with &quot;Add…&quot;, set DOCKER_HOST, or create a docker context.</source>
        <translation>还没有 Docker 主机。请用“添加…”添加一台，或设置 DOCKER_HOST，或创建一个 docker 上下文。</translation>
    </message>
    <message>
        <source>Connection test passed: Docker %1, API %2.</source>
        <translation>连接测试通过：Docker %1，API %2。</translation>
    </message>
    <message>
        <source>Connection test failed: %1</source>
        <translation>连接测试失败：%1</translation>
    </message>
    <message>
        <source>Could not remove the host: %1</source>
        <translation>无法删除主机：%1</translation>
    </message>
    <message>
        <source>%1 comes from %2; change it there.</source>
        <translation>%1 来自%2；请在那里修改。</translation>
    </message>
    <message>
        <source>Remove host</source>
        <translation>删除主机</translation>
    </message>
    <message>
        <source>Remove the host &quot;%1&quot; (%2) from Slipway?

The engine and its containers are not touched.</source>
        <translation>要从 Slipway 中删除主机“%1”（%2）吗？

引擎及其容器不受影响。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在测试到 %1 的连接…</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ImageDetailsPane</name>
    <message>
        <source>in %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>Select an image to see its tags, digests, labels and layers.</source>
        <translation>选择一个镜像以查看其标签、摘要、标记和镜像层。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Layers (newest first)</source>
        <translation>镜像层（最新的在前）</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建步骤</translation>
    </message>
    <message>
        <source>Image details</source>
        <translation>镜像详情</translation>
    </message>
    <message>
        <source>%1 images selected</source>
        <translation>已选择 %1 个镜像</translation>
    </message>
    <message>
        <source>Select a single image to see its details.</source>
        <translation>只选择一个镜像才能查看其详情。</translation>
    </message>
    <message>
        <source>%1 (untagged) on %2</source>
        <translation>%2 上的 %1（无标签）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>none (dangling)</source>
        <translation>无（悬空）</translation>
    </message>
    <message>
        <source>none: built or loaded here, never pushed or pulled</source>
        <translation>无：在本机构建或载入，从未推送或拉取</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>no container</source>
        <translation>无容器</translation>
    </message>
    <message>
        <source>1 container: %1</source>
        <translation>1 个容器：%1</translation>
    </message>
    <message>
        <source>%1 containers: %2</source>
        <translation>%1 个容器：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Loading the image&apos;s layers…</source>
        <translation>正在载入镜像层…</translation>
    </message>
    <message>
        <source>%1 does not answer: this is what it had when it last did.</source>
        <translation>%1 没有响应：这是它最后一次响应时的内容。</translation>
    </message>
    <message>
        <source>Could not load the details: %1</source>
        <translation>无法载入详情：%1</translation>
    </message>
    <message>
        <source>(no step recorded)</source>
        <translation>（未记录步骤）</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::ImagesView</name>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Pull an image from its registry onto a host</source>
        <translation>从镜像仓库拉取镜像到主机</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected images (asks first)</source>
        <translation>删除所选镜像（会先确认）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the images of every host again now</source>
        <translation>立即重新列出每台主机的镜像</translation>
    </message>
    <message>
        <source>Filter: repository, tag, ID, host, container…</source>
        <translation>筛选：仓库、标签、ID、主机、容器…</translation>
    </message>
    <message>
        <source>Show dangling</source>
        <translation>显示悬空镜像</translation>
    </message>
    <message>
        <source>Images no tag points to any more</source>
        <translation>已没有任何标签指向的镜像</translation>
    </message>
    <message>
        <source>Could not remove %1 from “%2”: %3</source>
        <translation>无法从“%2”删除 %1：%3</translation>
    </message>
    <message>
        <source>Removed %1 from “%2”.</source>
        <translation>已从“%2”删除 %1。</translation>
    </message>
    <message>
        <source>Removed %1 images.</source>
        <translation>已删除 %1 个镜像。</translation>
    </message>
    <message>
        <source>%1 (untagged)</source>
        <translation>%1（无标签）</translation>
    </message>
    <message>
        <source>%1 tags of %2 images</source>
        <translation>%2 个镜像，共 %1 个标签</translation>
    </message>
    <message>
        <source>%1 of %2 tags shown</source>
        <translation>显示 %1 / %2 个标签</translation>
    </message>
    <message>
        <source> · %1 dangling · %2 in all</source>
        <translation> · %1 个悬空 · 共 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot list the images of every host; those shown greyed are the last known.
%1</source>
        <translation>无法列出所有主机的镜像；灰色显示的是最后已知的内容。
%1</translation>
    </message>
    <message>
        <source>Remove this image from “%1”?</source>
        <translation>要从“%1”删除此镜像吗？</translation>
    </message>
    <message>
        <source>Remove these %1 images from “%2”?</source>
        <translation>要从“%2”删除这 %1 个镜像吗？</translation>
    </message>
    <message>
        <source>Remove these %1 images from %2 hosts?</source>
        <translation>要从 %2 台主机删除这 %1 个镜像吗？</translation>
    </message>
    <message>
        <source>• %1 on “%2”</source>
        <translation>• “%2”上的 %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 以及另外 %1 个</translation>
    </message>
    <message>
        <source>Remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>A tag of an image that has other tags is only untagged. The engine refuses to remove an image a container uses.</source>
        <translation>如果镜像还有其他标签，只会移除该标签。引擎会拒绝删除正被容器使用的镜像。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::LogView</name>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>The previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>The next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop scrolling new lines in; they are kept and shown on resume</source>
        <translation>停止滚入新行；新行会被保留，恢复时显示</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the view; new lines keep coming</source>
        <translation>清空视图；新行会继续到来</translation>
    </message>
    <message>
        <source>… 1 line not shown: lines came faster than they could be kept</source>
        <translation>……有 1 行未显示：日志产生得比能保留的更快</translation>
    </message>
    <message>
        <source>… %1 lines not shown: lines came faster than they could be kept</source>
        <translation>……有 %1 行未显示：日志产生得比能保留的更快</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1 个以上匹配</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>Select a container to follow its log.</source>
        <translation>选择一个容器以跟踪其日志。</translation>
    </message>
    <message>
        <source>Not following.</source>
        <translation>未在跟踪。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Following live.</source>
        <translation>正在实时跟踪。</translation>
    </message>
    <message>
        <source>The container is not running; the log ends here.</source>
        <translation>容器未在运行；日志到此为止。</translation>
    </message>
    <message>
        <source>Could not follow the log: %1</source>
        <translation>无法跟踪日志：%1</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Paused: 1 new line held back.</source>
        <translation>已暂停：暂存了 1 行新日志。</translation>
    </message>
    <message>
        <source>Paused: %1 new lines held back.</source>
        <translation>已暂停：暂存了 %1 行新日志。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::PullDialog</name>
    <message>
        <source>Pull image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>e.g. registry.example.com:5000/team/app:1.2.0</source>
        <translation>例如 registry.example.com:5000/team/app:1.2.0</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Pulls from the registry in the reference; Docker Hub when it names none.</source>
        <translation>从引用中指定的镜像仓库拉取；未指定时使用 Docker Hub。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Repository and tag, or a digest; &quot;latest&quot; when no tag is given.</source>
        <translation>仓库和标签，或摘要；未指定标签时使用“latest”。</translation>
    </message>
    <message>
        <source>Will pull %1</source>
        <translation>将拉取 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Asking %1 to pull %2…</source>
        <translation>正在请求 %1 拉取 %2…</translation>
    </message>
    <message>
        <source>%1 of %2 layers done</source>
        <translation>已完成 %1 / %2 层</translation>
    </message>
    <message>
        <source>Pulled %1 onto %2.</source>
        <translation>已将 %1 拉取到 %2。</translation>
    </message>
    <message>
        <source>Not pulled.</source>
        <translation>未拉取。</translation>
    </message>
</context>
<context>
    <name>slipway::widgets::SectionPlaceholder</name>
    <message>
        <source>Coming in a later release.</source>
        <translation>将在后续版本中推出。</translation>
    </message>
</context>
</TS>
